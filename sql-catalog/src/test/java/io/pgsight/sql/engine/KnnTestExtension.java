package io.pgsight.sql.engine;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.AccessMethodDef;
import io.pgsight.sql.spi.Extension;
import io.pgsight.sql.spi.ExtensionRegistry;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.FunctionDef;
import io.pgsight.sql.spi.IndexAccessMethod;
import io.pgsight.sql.spi.IndexBuildContext;
import io.pgsight.sql.spi.IndexInstance;
import io.pgsight.sql.spi.OperatorClassDef;
import io.pgsight.sql.spi.OperatorDef;
import io.pgsight.sql.spi.PgType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tiny extension for planner tests: type {@code pt2} ("x,y"), operator {@code <->} (Euclidean
 * distance) and access method {@code bruteknn} whose ordered scan sorts every entry by distance.
 */
public final class KnnTestExtension implements Extension {
    /** Row ids removed from any bruteknn index (VACUUM tests look here). */
    static final List<Long> REMOVED = java.util.Collections.synchronizedList(new ArrayList<>());

    record Pt(double x, double y) {
    }

    static final class PtType implements PgType {
        @Override
        public String name() {
            return "pt2";
        }

        @Override
        public int oid() {
            return 91001;
        }

        @Override
        public int arrayOid() {
            return 91002;
        }

        @Override
        public short length() {
            return 16;
        }

        @Override
        public Object input(String text, int typmod) {
            String[] p = text.split(",");
            try {
                return new Pt(Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim()));
            } catch (RuntimeException e) {
                throw new SqlException("22P02", "invalid input syntax for type pt2: \"" + text + "\"");
            }
        }

        @Override
        public String output(Object value) {
            Pt p = (Pt) value;
            return fmt(p.x()) + "," + fmt(p.y());
        }

        private static String fmt(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }

        @Override
        public Object receive(byte[] data, int typmod) {
            return input(new String(data, StandardCharsets.UTF_8), typmod);
        }

        @Override
        public byte[] send(Object value) {
            return output(value).getBytes(StandardCharsets.UTF_8);
        }
    }

    static double distance(Object a, Object b) {
        Pt p = (Pt) a;
        Pt q = (Pt) b;
        return Math.hypot(p.x() - q.x(), p.y() - q.y());
    }

    /** Inserts of a row id already indexed (persistence tests: replay must not insert a row twice). */
    static final java.util.concurrent.atomic.AtomicInteger DUPLICATE_INSERTS = new java.util.concurrent.atomic.AtomicInteger();

    static final class BruteIndex implements IndexInstance {
        final Map<Long, Object> entries = new ConcurrentHashMap<>();
        /** Set on an index read back from an image (persistence tests). */
        boolean fromImage;

        @Override
        public void insert(long rowId, Object key) {
            if (key != null && entries.put(rowId, key) != null) {
                DUPLICATE_INSERTS.incrementAndGet();
            }
        }

        @Override
        public boolean canSnapshot() {
            return true;
        }

        @Override
        public void writeSnapshot(java.io.DataOutput out) throws java.io.IOException {
            Map<Long, Object> copy = new java.util.TreeMap<>(entries);
            out.writeInt(copy.size());
            for (Map.Entry<Long, Object> e : copy.entrySet()) {
                out.writeLong(e.getKey());
                out.writeDouble(((Pt) e.getValue()).x());
                out.writeDouble(((Pt) e.getValue()).y());
            }
        }

        static BruteIndex read(java.io.DataInput in) throws java.io.IOException {
            BruteIndex i = new BruteIndex();
            int n = in.readInt();
            if (n < 0) {
                throw new java.io.IOException("negative entry count");
            }
            for (int k = 0; k < n; k++) {
                i.entries.put(in.readLong(), new Pt(in.readDouble(), in.readDouble()));
            }
            return i;
        }

        @Override
        public void remove(long rowId, Object key) {
            entries.remove(rowId);
            REMOVED.add(rowId);
        }

        @Override
        public OrderedScan orderedScan(String operator, Object query, FunctionContext ctx) {
            List<Map.Entry<Long, Object>> all = new ArrayList<>(entries.entrySet());
            all.sort((x, y) -> Double.compare(distance(x.getValue(), query), distance(y.getValue(), query)));
            return new OrderedScan() {
                int i = -1;

                @Override
                public boolean next() {
                    return ++i < all.size();
                }

                @Override
                public long rowId() {
                    return all.get(i).getKey();
                }

                @Override
                public double distance() {
                    return KnnTestExtension.distance(all.get(i).getValue(), query);
                }
            };
        }

        @Override
        public long sizeBytes() {
            return entries.size() * 32L;
        }
    }

    static final class Brute implements IndexAccessMethod {
        @Override
        public Object parseOptions(Map<String, String> options) {
            for (String k : options.keySet()) {
                throw new SqlException("22023", "unrecognized parameter \"" + k + "\"");
            }
            return null;
        }

        @Override
        public IndexInstance build(IndexBuildContext context) {
            BruteIndex i = new BruteIndex();
            context.forEachRow(i::insert);
            return i;
        }

        @Override
        public IndexInstance restore(IndexBuildContext context, java.io.DataInput in) throws java.io.IOException {
            BruteIndex i = BruteIndex.read(in);
            i.fromImage = true;
            return i;
        }
    }

    @Override
    public String name() {
        return "knntest";
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public String comment() {
        return "planner test extension";
    }

    @Override
    public void register(ExtensionRegistry r) {
        r.type(new PtType());
        r.function(FunctionDef.scalar("pt2_distance", List.of("pt2", "pt2"), "float8", (c, a) -> distance(a[0], a[1])));
        r.operator(new OperatorDef("<->", "pt2", "pt2", "pt2_distance", "<->", null, null));
        // what a statement sees when the heap runs out (StatementMemoryTest)
        r.function(FunctionDef.scalar("knntest_exhaust_heap", List.of(), "int4", (c, a) -> {
            throw new OutOfMemoryError("Java heap space");
        }));
        Brute brute = new Brute();
        r.accessMethod(new AccessMethodDef("bruteknn", brute, null));
        r.operatorClass(new OperatorClassDef("pt2_ops", "bruteknn", "pt2", true,
                List.of(new OperatorClassDef.Member(1, "<->", "pt2", "pt2", true)), null));
    }
}
