package io.pgsight.ext.vector;

import io.pgsight.sql.spi.ExtensionRegistry;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.SettingDef;
import java.util.List;

/** pgvector's GUCs (names, defaults, bounds and descriptions as DefineCustom*Variable declares them). */
public final class VectorSettings {
    public static final String IVFFLAT_PROBES = "ivfflat.probes";
    public static final String IVFFLAT_ITERATIVE_SCAN = "ivfflat.iterative_scan";
    public static final String IVFFLAT_MAX_PROBES = "ivfflat.max_probes";
    public static final String HNSW_EF_SEARCH = "hnsw.ef_search";
    public static final String HNSW_ITERATIVE_SCAN = "hnsw.iterative_scan";
    public static final String HNSW_MAX_SCAN_TUPLES = "hnsw.max_scan_tuples";
    public static final String HNSW_SCAN_MEM_MULTIPLIER = "hnsw.scan_mem_multiplier";

    private VectorSettings() {
    }

    static void register(ExtensionRegistry r) {
        r.setting(SettingDef.integer(IVFFLAT_PROBES, 1, 1, 32768, "Sets the number of probes"));
        r.setting(new SettingDef(IVFFLAT_ITERATIVE_SCAN, SettingDef.Kind.ENUM, "off", 0, 0,
                List.of("off", "relaxed_order"), "Sets the mode for iterative scans"));
        r.setting(SettingDef.integer(IVFFLAT_MAX_PROBES, 32768, 1, 32768,
                "Sets the max number of probes for iterative scans"));
        r.setting(SettingDef.integer(HNSW_EF_SEARCH, 40, 1, 1000,
                "Sets the size of the dynamic candidate list for search"));
        r.setting(new SettingDef(HNSW_ITERATIVE_SCAN, SettingDef.Kind.ENUM, "off", 0, 0,
                List.of("off", "relaxed_order", "strict_order"), "Sets the mode for iterative scans"));
        r.setting(SettingDef.integer(HNSW_MAX_SCAN_TUPLES, 20000, 1, Integer.MAX_VALUE,
                "Sets the max number of tuples to visit for iterative scans"));
        r.setting(new SettingDef(HNSW_SCAN_MEM_MULTIPLIER, SettingDef.Kind.REAL, "1", 1, 1000, List.of(),
                "Sets the multiple of work_mem to use for iterative scans"));
    }

    /** The setting's text, or null when there is no session or the session does not know the name. */
    private static String read(FunctionContext ctx, String name) {
        if (ctx == null) {
            return null;
        }
        try {
            return ctx.setting(name);
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    /** Reads an integer setting, falling back to its default when the session does not know it. */
    static int intSetting(FunctionContext ctx, String name, int fallback) {
        String v = read(ctx, name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static String enumSetting(FunctionContext ctx, String name, String fallback) {
        String v = read(ctx, name);
        return v == null ? fallback : v.trim();
    }
}
