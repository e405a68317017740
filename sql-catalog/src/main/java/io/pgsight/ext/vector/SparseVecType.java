package io.pgsight.ext.vector;

import static io.pgsight.ext.vector.DenseTextParser.skipSpace;

import io.pgsight.sql.spi.PgType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The {@code sparsevec} type: text {@code {i:v,...}/dim} with 1-based indices; binary per pgvector. */
public final class SparseVecType implements PgType {
    public static final String NAME = "sparsevec";
    public static final SparseVecType INSTANCE = new SparseVecType();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int oid() {
        return TypeOids.SPARSEVEC;
    }

    @Override
    public int arrayOid() {
        return TypeOids.SPARSEVEC_ARRAY;
    }

    @Override
    public short length() {
        return -1;
    }

    private record Element(long index, float value) {
    }

    @Override
    public SparseVec input(String text, int typmod) {
        int commas = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ',') {
                commas++;
            }
        }
        if (commas + 1 > SparseVec.MAX_NNZ) {
            throw VectorErrors.sparseTooManyElements();
        }
        int n = text.length();
        int pos = skipSpace(text, 0);
        if (pos >= n || text.charAt(pos) != '{') {
            throw VectorErrors.invalidSyntax(NAME, text, "Vector contents must start with \"{\".");
        }
        pos = skipSpace(text, pos + 1);
        List<Element> elements = new ArrayList<>();
        if (pos < n && text.charAt(pos) == '}') {
            pos++;
        } else {
            while (true) {
                pos = skipSpace(text, pos);
                if (pos >= n) {
                    throw VectorErrors.invalidSyntax(NAME, text);
                }
                CFloatScanner.LongScan index = CFloatScanner.strtol(text, pos);
                if (index.end() == pos) {
                    throw VectorErrors.invalidSyntax(NAME, text);
                }
                long idx = Math.max(Math.min(index.value(), Integer.MAX_VALUE), Integer.MIN_VALUE + 1L) - 1;
                pos = skipSpace(text, index.end());
                if (pos >= n || text.charAt(pos) != ':') {
                    throw VectorErrors.invalidSyntax(NAME, text);
                }
                pos = skipSpace(text, pos + 1);
                CFloatScanner.FloatScan value = CFloatScanner.strtof(text, pos);
                if (!value.parsed(pos)) {
                    throw VectorErrors.invalidSyntax(NAME, text);
                }
                if ((value.overflow() && Float.isInfinite(value.value())) || value.underflow()) {
                    throw VectorErrors.outOfRange(text.substring(pos, value.end()), NAME);
                }
                VectorErrors.checkFinite(value.value(), NAME);
                if (value.value() != 0f) {
                    elements.add(new Element(idx, value.value()));
                }
                pos = skipSpace(text, value.end());
                if (pos < n && text.charAt(pos) == ',') {
                    pos++;
                } else if (pos < n && text.charAt(pos) == '}') {
                    pos++;
                    break;
                } else {
                    throw VectorErrors.invalidSyntax(NAME, text);
                }
            }
        }
        pos = skipSpace(text, pos);
        if (pos >= n || text.charAt(pos) != '/') {
            throw VectorErrors.invalidSyntax(NAME, text, "Unexpected end of input.");
        }
        pos = skipSpace(text, pos + 1);
        CFloatScanner.LongScan dimScan = CFloatScanner.strtol(text, pos);
        if (dimScan.end() == pos) {
            throw VectorErrors.invalidSyntax(NAME, text);
        }
        int dim = (int) Math.max(Math.min(dimScan.value(), Integer.MAX_VALUE), Integer.MIN_VALUE);
        pos = skipSpace(text, dimScan.end());
        if (pos < n) {
            throw VectorErrors.invalidSyntax(NAME, text, "Junk after closing.");
        }
        VectorErrors.checkDimensions(dim, SparseVec.MAX_DIM, NAME);
        VectorErrors.checkTypmod(typmod, dim);
        elements.sort(Comparator.comparingLong(Element::index));
        int[] indices = new int[elements.size()];
        float[] values = new float[elements.size()];
        for (int k = 0; k < indices.length; k++) {
            Element e = elements.get(k);
            if (e.index() < 0 || e.index() >= dim) {
                throw VectorErrors.dataException("sparsevec index out of bounds");
            }
            if (k > 0 && e.index() == indices[k - 1]) {
                throw VectorErrors.dataException("sparsevec indices must not contain duplicates");
            }
            indices[k] = (int) e.index();
            values[k] = e.value();
        }
        return SparseVec.wrap(dim, indices, values);
    }

    @Override
    public String output(Object value) {
        return format((SparseVec) value);
    }

    static String format(SparseVec v) {
        StringBuilder sb = new StringBuilder(v.nonZeroCount() * 10 + 16).append('{');
        for (int k = 0; k < v.nonZeroCount(); k++) {
            if (k > 0) {
                sb.append(',');
            }
            sb.append(v.index(k) + 1).append(':').append(ShortestFloat.float4(v.value(k)));
        }
        return sb.append("}/").append(v.dimensions()).toString();
    }

    @Override
    public SparseVec receive(byte[] data, int typmod) {
        BinaryReader in = new BinaryReader(data);
        int dim = in.int32();
        int nnz = in.int32();
        int unused = in.int32();
        VectorErrors.checkDimensions(dim, SparseVec.MAX_DIM, NAME);
        if (nnz < 0) {
            throw VectorErrors.dataException("sparsevec cannot have negative number of elements");
        }
        if (nnz > SparseVec.MAX_NNZ) {
            throw VectorErrors.sparseTooManyElements();
        }
        if (nnz > dim) {
            throw new io.pgsight.sql.api.SqlException(VectorErrors.PROGRAM_LIMIT,
                    "sparsevec cannot have more elements than dimensions");
        }
        VectorErrors.checkTypmod(typmod, dim);
        if (unused != 0) {
            throw VectorErrors.dataException("expected unused to be 0, not " + unused);
        }
        int[] indices = new int[nnz];
        for (int k = 0; k < nnz; k++) {
            indices[k] = in.int32();
            if (indices[k] < 0 || indices[k] >= dim) {
                throw VectorErrors.dataException("sparsevec index out of bounds");
            }
            if (k > 0 && indices[k] < indices[k - 1]) {
                throw VectorErrors.dataException("sparsevec indices must be in ascending order");
            }
            if (k > 0 && indices[k] == indices[k - 1]) {
                throw VectorErrors.dataException("sparsevec indices must not contain duplicates");
            }
        }
        float[] values = new float[nnz];
        for (int k = 0; k < nnz; k++) {
            values[k] = in.float32();
            VectorErrors.checkFinite(values[k], NAME);
            if (values[k] == 0f) {
                throw VectorErrors.dataException("binary representation of sparsevec cannot contain zero values");
            }
        }
        return SparseVec.wrap(dim, indices, values);
    }

    @Override
    public byte[] send(Object value) {
        SparseVec v = (SparseVec) value;
        BinaryWriter out = new BinaryWriter(12 + 8 * v.nonZeroCount()).int32(v.dimensions()).int32(v.nonZeroCount())
                .int32(0);
        for (int k = 0; k < v.nonZeroCount(); k++) {
            out.int32(v.index(k));
        }
        for (int k = 0; k < v.nonZeroCount(); k++) {
            out.float32(v.value(k));
        }
        return out.bytes();
    }

    @Override
    public int typmodIn(int[] modifiers) {
        return VectorErrors.typmodIn(NAME, SparseVec.MAX_DIM, modifiers);
    }

    @Override
    public Object applyTypmod(Object value, int typmod, boolean explicit) {
        VectorErrors.checkTypmod(typmod, ((SparseVec) value).dimensions());
        return value;
    }

    @Override
    public char storage() {
        return 'e';
    }

    @Override
    public String comment() {
        return "single-precision sparse vector";
    }
}
