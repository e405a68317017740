package io.pgsight.sql.builtin.json;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.IndexAccessMethod;
import io.pgsight.sql.spi.IndexBuildContext;
import io.pgsight.sql.spi.IndexInstance;
import io.pgsight.sql.spi.OperatorClassDef;

import java.util.List;
import java.util.Map;

/**
 * gin's jsonb_ops (default) and jsonb_path_ops, accepted so that schemas such as LangChain's
 * {@code CREATE INDEX ix_cmetadata_gin ... USING gin (cmetadata jsonb_path_ops)} run. The index keeps
 * nothing and answers no operator, so the planner never scans it: @> and ? filters stay sequential
 * scans with correct results (EXPLAIN shows a Seq Scan where PostgreSQL may show a Bitmap Index Scan).
 */
public final class JsonbGinIndexes {
    private JsonbGinIndexes() {
    }

    public static void register(CatalogWriter w) {
        IndexAccessMethod noScan = new NoScanGin();
        w.registry().operatorClass(new OperatorClassDef("jsonb_ops", "gin", "jsonb", true, List.of(), noScan));
        w.registry().operatorClass(new OperatorClassDef("jsonb_path_ops", "gin", "jsonb", false, List.of(), noScan));
    }

    /** gin's storage parameters are checked as PostgreSQL checks them; the index itself stores nothing. */
    private static final class NoScanGin implements IndexAccessMethod {
        @Override
        public Object parseOptions(Map<String, String> options) {
            for (Map.Entry<String, String> o : options.entrySet()) {
                switch (o.getKey()) {
                    case "fastupdate" -> {
                        String v = o.getValue() == null ? "true" : o.getValue().toLowerCase(java.util.Locale.ROOT);
                        if (!List.of("on", "off", "true", "false", "yes", "no", "1", "0", "t", "f").contains(v)) {
                            throw new SqlException("22023", "invalid value for boolean option \"fastupdate\": "
                                    + o.getValue());
                        }
                    }
                    case "gin_pending_list_limit" -> {
                        int v;
                        try {
                            v = Integer.parseInt(o.getValue());
                        } catch (NumberFormatException | NullPointerException e) {
                            throw new SqlException("22023", "invalid value for integer option \"gin_pending_list_limit\": "
                                    + o.getValue());
                        }
                        if (v < 64 || v > 2147483647) {
                            throw new SqlException("22023", "value " + v
                                    + " out of bounds for option \"gin_pending_list_limit\"")
                                    .withDetail("Valid values are between \"64\" and \"2147483647\".");
                        }
                    }
                    default -> throw new SqlException("22023", "unrecognized parameter \"" + o.getKey() + "\"");
                }
            }
            return Map.copyOf(options);
        }

        @Override
        public IndexInstance build(IndexBuildContext context) {
            return new IndexInstance() {
                @Override
                public void insert(long rowId, Object key) {
                }

                @Override
                public void remove(long rowId, Object key) {
                }

                @Override
                public OrderedScan orderedScan(String operator, Object query, FunctionContext ctx) {
                    throw new SqlException("XX000", "gin indexes do not support ordered scans");
                }

                @Override
                public long sizeBytes() {
                    return 8192;
                }
            };
        }
    }
}
