package io.pgsight.ext.imgsmlr;

import io.pgsight.imaging.InvalidTextRepresentationException;
import io.pgsight.imaging.Signature;
import io.pgsight.imaging.SignatureText;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.PgType;

/** imgsmlr's {@code signature}: 16 floats, fixed length 64; values are {@link Signature}. Text I/O only. */
final class SignatureType implements PgType {
    static final String NAME = "signature";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int oid() {
        return ImgsmlrOids.SIGNATURE;
    }

    @Override
    public int arrayOid() {
        return ImgsmlrOids.SIGNATURE_ARRAY;
    }

    @Override
    public short length() {
        return 64;
    }

    @Override
    public Object input(String text, int typmod) {
        try {
            return SignatureText.parse(text);
        } catch (InvalidTextRepresentationException e) {
            throw new SqlException("22P02", e.getMessage());
        }
    }

    @Override
    public String output(Object value) {
        return SignatureText.format((Signature) value);
    }

    @Override
    public Object receive(byte[] data, int typmod) {
        throw NoBinaryIo.noReceive(NAME);
    }

    @Override
    public byte[] send(Object value) {
        throw NoBinaryIo.noSend(NAME);
    }
}
