package io.pgsight.ext.imgsmlr;

import io.pgsight.imaging.InvalidTextRepresentationException;
import io.pgsight.imaging.Pattern;
import io.pgsight.imaging.PatternText;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.PgType;

/** imgsmlr's {@code pattern}: varlena of 64x64 floats; values are {@link Pattern}. Text I/O only, as in imgsmlr. */
final class PatternType implements PgType {
    static final String NAME = "pattern";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int oid() {
        return ImgsmlrOids.PATTERN;
    }

    @Override
    public int arrayOid() {
        return ImgsmlrOids.PATTERN_ARRAY;
    }

    @Override
    public short length() {
        return -1;
    }

    /** STORAGE = extended in imgsmlr's CREATE TYPE. */
    @Override
    public char storage() {
        return 'x';
    }

    @Override
    public Object input(String text, int typmod) {
        try {
            return PatternText.parse(text);
        } catch (InvalidTextRepresentationException e) {
            throw new SqlException("22P02", e.getMessage());
        }
    }

    @Override
    public String output(Object value) {
        return PatternText.format((Pattern) value);
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
