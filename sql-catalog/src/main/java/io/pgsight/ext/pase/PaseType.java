package io.pgsight.ext.pase;

import io.pgsight.ext.vector.CFloatScanner;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.format.FloatFormat;
import io.pgsight.sql.spi.PgType;
import java.util.List;

/**
 * The {@code pase} type. Text input {@code 'v1,...,vn[:extra[:ds]]'} (a single element is read as
 * base64 float32 data); output is each element as float8 text followed by {@code ::}. Binary: int32
 * dim, int32 extra, int32 ds, dim float4 (network order).
 */
public final class PaseType implements PgType {
    public static final String NAME = "pase";
    public static final PaseType INSTANCE = new PaseType();
    public static final int OID = 17101;
    public static final int ARRAY_OID = 17102;

    static SqlException invalid() {
        return new SqlException("22023", "pase data is invalid");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int oid() {
        return OID;
    }

    @Override
    public int arrayOid() {
        return ARRAY_OID;
    }

    @Override
    public short length() {
        return -1;
    }

    /**
     * Deviations from pase (which crashes): an empty literal is "pase data is invalid"; a one-element
     * vector with ":extra" parts decodes that element as base64 instead of a NULL pointer; invalid
     * base64 is "pase data is invalid".
     */
    @Override
    public PaseValue input(String text, int typmod) {
        List<String> parts = GucList.split(text, ':');
        if (parts == null || parts.isEmpty() || parts.size() > 3) {
            throw invalid();
        }
        List<String> items = GucList.split(parts.get(0), ',');
        if (items == null || items.size() > PaseValue.MAX_DIM) {
            throw new SqlException("54000", "pase over limit dim. (or pase format is invalid).");
        }
        int extra = parts.size() > 1 ? GucList.atoi(parts.get(1)) : 0;
        int ds = parts.size() > 2 ? GucList.atoi(parts.get(2)) : 0;
        float[] x;
        if (items.size() >= 2) {
            x = new float[items.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = CFloatScanner.strtof(items.get(i), 0).value();
            }
        } else {
            x = PaseBase64.floats(parts.size() == 1 ? text : items.isEmpty() ? "" : items.get(0));
        }
        return PaseValue.wrap(x, extra, ds);
    }

    @Override
    public String output(Object value) {
        return format((PaseValue) value);
    }

    /** float8out of each element widened to double (PostgreSQL's Ryu, never an exact midpoint). */
    static String format(PaseValue v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.dimensions(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(FloatFormat.float8Out(v.get(i)));
        }
        return sb.append("::").toString();
    }

    @Override
    public PaseValue receive(byte[] data, int typmod) {
        if (data.length < 12) {
            throw new SqlException("08P01", "insufficient data left in message");
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(data);
        int dim = b.getInt();
        int extra = b.getInt();
        int ds = b.getInt();
        if (dim < 0 || dim > PaseValue.MAX_DIM * 2 || b.remaining() < 4L * dim) {
            throw invalid(); // pase reads whatever follows; refuse instead
        }
        float[] x = new float[dim];
        for (int i = 0; i < dim; i++) {
            x[i] = b.getFloat();
        }
        return PaseValue.wrap(x, extra, ds);
    }

    @Override
    public byte[] send(Object value) {
        PaseValue v = (PaseValue) value;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(12 + 4 * v.dimensions());
        b.putInt(v.dimensions()).putInt(v.extra()).putInt(v.ds());
        for (int i = 0; i < v.dimensions(); i++) {
            b.putFloat(v.get(i));
        }
        return b.array();
    }
}
