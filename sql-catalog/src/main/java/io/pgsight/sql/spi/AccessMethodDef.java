package io.pgsight.sql.spi;

/** An index access method (pg_am row with amtype 'i'). */
public record AccessMethodDef(String name, IndexAccessMethod implementation, String comment) {
}
