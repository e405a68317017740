package io.pgsight.pgwire.backend;

/** One field of a RowDescription message. */
public record ColumnDescription(String name, int tableOid, short columnAttribute, int typeOid, short typeSize,
                                int typeModifier, short formatCode) {
}
