package io.pgsight.ext.vector;

/**
 * OIDs this extension gives its types (fixed, so they are stable across sessions; PostgreSQL would
 * allocate them at CREATE EXTENSION) and the built-in OIDs it refers to.
 */
public final class TypeOids {
    public static final int VECTOR = 17001;
    public static final int VECTOR_ARRAY = 17002;
    public static final int HALFVEC = 17003;
    public static final int HALFVEC_ARRAY = 17004;
    public static final int SPARSEVEC = 17005;
    public static final int SPARSEVEC_ARRAY = 17006;

    public static final int INT4 = 23;
    public static final int FLOAT4 = 700;
    public static final int FLOAT8 = 701;
    public static final int NUMERIC = 1700;
    public static final int TEXT = 25;
    public static final int BIT = 1560;
    public static final int VARBIT = 1562;

    private TypeOids() {
    }
}
