package io.pgsight.sql.spi;

/** castcontext: where a cast may be applied without being written. */
public enum CastContext { IMPLICIT, ASSIGNMENT, EXPLICIT }
