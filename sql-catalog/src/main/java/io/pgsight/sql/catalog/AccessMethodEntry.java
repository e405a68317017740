package io.pgsight.sql.catalog;

import io.pgsight.sql.spi.IndexAccessMethod;

/**
 * A pg_am row. Built-in btree/hash have no SPI implementation (the engine's equality index serves
 * them); generic methods such as gist take their behaviour from the operator class.
 */
public record AccessMethodEntry(int oid, String name, IndexAccessMethod implementation, String extension,
                                String comment) {
}
