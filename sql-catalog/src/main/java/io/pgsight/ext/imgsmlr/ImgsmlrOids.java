package io.pgsight.ext.imgsmlr;

/**
 * Fixed OIDs of imgsmlr's types (PostgreSQL allocates them at CREATE EXTENSION; fixed values keep
 * them stable across sessions). The 172xx block is imgsmlr's; vector uses 170xx, pase 171xx.
 */
final class ImgsmlrOids {
    static final int PATTERN = 17201;
    static final int PATTERN_ARRAY = 17202;
    static final int SIGNATURE = 17203;
    static final int SIGNATURE_ARRAY = 17204;

    private ImgsmlrOids() {
    }
}
