package io.pgsight.sql.api;

/** A result column as RowDescription needs it; format 0 = text, 1 = binary. */
public record ResultColumn(String name, int tableOid, short attributeNumber, int typeOid, short typeLength,
                           int typeModifier, short format) {
}
