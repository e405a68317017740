package io.pgsight.sql.ast;

/** Table persistence: ordinary, {@code TEMP}/{@code TEMPORARY} or {@code UNLOGGED}. */
public enum Persistence { PERMANENT, TEMPORARY, UNLOGGED }
