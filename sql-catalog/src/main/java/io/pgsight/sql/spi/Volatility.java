package io.pgsight.sql.spi;

/** provolatile. */
public enum Volatility { IMMUTABLE, STABLE, VOLATILE }
