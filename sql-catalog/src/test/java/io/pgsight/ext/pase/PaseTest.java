package io.pgsight.ext.pase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgsight.ext.vector.RecordingRegistry;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.IndexAccessMethod;
import io.pgsight.sql.spi.IndexBuildContext;
import io.pgsight.sql.spi.IndexInstance;
import io.pgsight.sql.spi.OperatorClassDef;
import io.pgsight.sql.spi.PgArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** pase's type, functions and both index access methods through the SPI (values from pase's regression test). */
class PaseTest {
    private static final RecordingRegistry R = RecordingRegistry.of(new PaseExtension());
    private static final PaseType T = PaseType.INSTANCE;

    private static void expect(String state, String message, Executable e) {
        SqlException ex = assertThrows(SqlException.class, e);
        assertEquals(message, ex.getMessage());
        assertEquals(state, ex.sqlState());
    }

    private static PgArray reals(float... x) {
        Object[] o = new Object[x.length];
        for (int i = 0; i < x.length; i++) {
            o[i] = x[i];
        }
        return PgArray.of(700, o);
    }

    @Test
    void identity() {
        PaseExtension e = new PaseExtension();
        assertEquals("pase", e.name());
        assertEquals("0.0.1", e.version());
        assertEquals("ant ai similarity search", e.comment());
        assertEquals(6, e.sqlScript().size());
        assertEquals("g_pase_distance", R.operator("<#>", "real[]", "pase").functionName());
        assertEquals("g_pase_distance", R.operator("<?>", "real[]", "pase").functionName());
        assertEquals("g_pase_distance_3", R.operator("<!>", "text", "pase").functionName());
    }

    @Test
    void textForms() {
        PaseValue v = T.input("3,1,1:82:1", -1);
        assertArrayEquals(new float[] {3, 1, 1}, v.toArray());
        assertEquals(82, v.extra());
        assertEquals(1, v.ds());
        assertEquals("3,1,1::", T.output(v));
        assertEquals("3,1,1::", T.output(T.input(" 3,1,1 ", -1)));
        assertEquals("0.10000000149011612,2::", T.output(T.input("0.1,2", -1)));
        assertEquals("0,0::", T.output(T.input("a,b", -1)));
        assertEquals(0, T.input("1,2 : x : 1", -1).extra());
        assertArrayEquals(new float[] {1}, T.input("AACAPw==:5", -1).toArray()); // pase crashes here
        assertArrayEquals(new float[] {1, 2}, T.input("AACAPwAAAEA=", -1).toArray());
        for (String bad : new String[] {"", "1, 2,3", "1 2", "3,1,1::", "1:2:3:4"}) {
            expect("22023", "pase data is invalid", () -> T.input(bad, -1));
        }
        expect("54000", "pase over limit dim. (or pase format is invalid).", () -> T.input("1,,2", -1));
        expect("54000", "pase over limit dim. (or pase format is invalid).", () -> T.input("1,".repeat(512) + "1", -1));
        PaseValue back = T.receive(T.send(v), -1);
        assertEquals(v, back);
    }

    @Test
    void constructorsAndDistances() {
        PgArray a = reals(2, 1, 1);
        PaseValue q = (PaseValue) R.call("pase", List.of("real[]"), reals(3, 1, 1));
        assertEquals(1f, R.call("g_pase_distance", List.of("real[]", "pase"), a, q));
        PaseValue ip = (PaseValue) R.call("pase", List.of("real[]", "integer", "integer"), reals(3, 1, 1), 0, 1);
        assertEquals(8f, R.call("g_pase_distance", List.of("real[]", "pase"), a, ip));
        assertEquals(8f, R.call("g_pase_distance", List.of("real[]", "pase"), a, T.input("3,1,1:82:1", -1)));
        assertEquals(1f, R.call("g_pase_distance", List.of("real[]", "pase"), a, T.input("3,1,1:82", -1)));
        assertEquals(1f, R.call("g_pase_distance", List.of("real[]", "pase"), a, T.input("3,1,1:82:0", -1)));
        assertEquals(2f, R.call("g_pase_distance_3", List.of("text", "pase"), "AACAPwAAAEA=", T.input("0,1", -1)));
        PaseValue b64 = (PaseValue) R.call("pase", List.of("text", "integer"), "AACAPwAAAEA=", 7);
        assertEquals(7, b64.extra());
        expect("22023", "leftarg[3] and rightarg[2] dim is not equal.",
                () -> R.call("g_pase_distance", List.of("real[]", "pase"), reals(1, 2), q));
        expect("54000", "pase have more than limit dimensions.",
                () -> R.call("pase", List.of("real[]"), reals(new float[513])));
    }

    private static final class Table implements IndexBuildContext {
        final Map<Long, Object> rows = new LinkedHashMap<>();
        final OperatorClassDef opclass;
        final Object options;
        final RecordingRegistry.Session session = new RecordingRegistry.Session();

        Table(String opclassName, Object options) {
            this.opclass = R.operatorClasses.stream().filter(o -> o.name().equals(opclassName)).findFirst().orElseThrow();
            this.options = options;
        }

        @Override
        public String indexName() {
            return "pase_idx";
        }

        @Override
        public String tableName() {
            return "t";
        }

        @Override
        public OperatorClassDef operatorClass() {
            return opclass;
        }

        @Override
        public Object options() {
            return options;
        }

        @Override
        public int keyTypmod() {
            return -1;
        }

        @Override
        public io.pgsight.sql.spi.FunctionContext session() {
            return session;
        }

        @Override
        public void forEachRow(RowVisitor visitor) {
            rows.forEach(visitor::visit);
        }
    }

    private static IndexAccessMethod am(String name) {
        return R.accessMethods.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow().implementation();
    }

    /** pase's regression data shrunk to 8 dimensions: row i is [i, 1, 1, ...]. */
    private static void fill(Table t, int rows) {
        for (int i = 1; i <= rows; i++) {
            float[] x = new float[8];
            java.util.Arrays.fill(x, 1f);
            x[0] = i;
            t.rows.put((long) i, reals(x));
        }
    }

    private static List<Double> distances(IndexInstance index, String op, Object query, int limit,
                                          RecordingRegistry.Session s) {
        List<Double> out = new ArrayList<>();
        IndexInstance.OrderedScan scan = index.orderedScan(op, query, s);
        while (out.size() < limit && scan.next()) {
            out.add(scan.distance());
        }
        return out;
    }

    private static final List<Double> SQUARES = List.of(0.0, 1.0, 1.0, 4.0, 4.0, 9.0, 9.0, 16.0, 16.0, 25.0);

    @Test
    void hnswLikeTheRegressionTest() {
        Map<String, String> with = Map.of("dim", "8", "base_nb_num", "16", "ef_build", "40", "ef_search", "200",
                "base64_encoded", "0");
        Table t = new Table("pase_hnsw_ops", am("pase_hnsw").parseOptions(with));
        fill(t, 3000);
        t.rows.put(9999L, reals(1, 2, 3));
        IndexInstance index = am("pase_hnsw").build(t);
        assertEquals(List.of("WARNING: data dimension[3] not equal to configure dimension[8]"), t.session.notices);
        PaseValue q = T.input("1111,1,1,1,1,1,1,1", -1);
        RecordingRegistry.Session s = new RecordingRegistry.Session();
        assertEquals(SQUARES, distances(index, "<?>", q, 10, s));
        assertEquals(200, distances(index, "<?>", q, 1000, s).size());
        assertEquals("WARNING: no more data to pop", s.notices.get(s.notices.size() - 1));
        assertEquals(20, distances(index, "<?>", T.input("1111,1,1,1,1,1,1,1:20", -1), 1000, s).size());
        distances(index, "<?>", null, 10, s);
        assertEquals("WARNING: orderBy value is invalid", s.notices.get(s.notices.size() - 1));
        expect("XX000", "query dimemsion(3) not equal to data dimemsion(8)",
                () -> index.orderedScan("<?>", T.input("1,2,3", -1), s));
        index.insert(5000, reals(1, 2), s);
        assertEquals("WARNING: data dimension[2] not equal to configure dimension[8]", s.notices.get(s.notices.size() - 1));
        expect("22023", "value 7 out of bounds for option \"dim\"", () -> am("pase_hnsw").parseOptions(Map.of("dim", "7")));
        Table empty = new Table("pase_hnsw_ops", am("pase_hnsw").parseOptions(Map.of("dim", "8")));
        IndexInstance later = am("pase_hnsw").build(empty);
        assertTrue(distances(later, "<?>", q, 10, s).isEmpty());
        later.insert(1, reals(1, 1, 1, 1, 1, 1, 1, 1), s);
        assertEquals(List.of(1232100.0), distances(later, "<?>", q, 10, s));
    }

    private static String base64(float... x) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * x.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (float f : x) {
            b.putFloat(f);
        }
        return java.util.Base64.getEncoder().encodeToString(b.array());
    }

    @Test
    void ivfflatWithCentroidFileOverBase64TextColumn() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("centroids", ".txt");
        try {
            java.nio.file.Files.writeString(file, "8|2|" + "0,".repeat(8) + "100,".repeat(7) + "100\n");
            Table t = new Table("pase_ivfflat_text_ops", am("pase_ivfflat").parseOptions(Map.of("clustering_type", "0",
                    "dimension", "8", "base64_encoded", "1", "clustering_params", file.toString())));
            for (int i = 1; i <= 200; i++) {
                float[] x = new float[8];
                java.util.Arrays.fill(x, 1f);
                x[0] = i;
                t.rows.put((long) i, base64(x));
            }
            IndexInstance index = am("pase_ivfflat").build(t);
            RecordingRegistry.Session s = new RecordingRegistry.Session();
            assertEquals(SQUARES, distances(index, "<!>", T.input("111,1,1,1,1,1,1,1:1000", -1), 10, s));
            assertEquals(8f, R.call("g_pase_distance_3", List.of("text", "pase"), base64(2, 1, 1),
                    T.input("3,1,1:0:1", -1)));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void ivfflatLikeTheRegressionTest() {
        Map<String, String> with = Map.of("clustering_type", "1", "distance_type", "0", "dimension", "8",
                "clustering_params", "100,20");
        Table t = new Table("pase_ivfflat_float_ops", am("pase_ivfflat").parseOptions(with));
        fill(t, 3000);
        t.rows.put(9998L, null);
        IndexInstance index = am("pase_ivfflat").build(t);
        List<String> n = t.session.notices;
        assertEquals("NOTICE: parse clustering parameters succeed, clustering_sample_ratio[100], k[20]", n.get(0));
        assertEquals("NOTICE: begin inner kmeans clustering", n.get(1));
        assertEquals("NOTICE: begin, ivfflat index building", n.get(2));
        assertEquals("WARNING: vector colum is null", n.get(3));
        assertEquals("WARNING: itup is NULL", n.get(4));
        assertTrue(n.get(5).startsWith("NOTICE: ivfflat index build done, build tuple number[3000], totalTimeCost["), n.get(5));
        RecordingRegistry.Session s = new RecordingRegistry.Session();
        assertEquals(SQUARES, distances(index, "<#>", T.input("1111,1,1,1,1,1,1,1:1000", -1), 10, s));
        List<Double> all = distances(index, "<#>", T.input("1111,1,1,1,1,1,1,1:1000", -1), 5000, s);
        assertEquals(3000, all.size());
        assertEquals("WARNING: not enough data to pop for queue", s.notices.get(s.notices.size() - 1));
        distances(index, "<#>", T.input("1111,1,1,1,1,1,1,1:1001", -1), 10, s);
        assertEquals("WARNING: scanRatio[1001] is illegal, should in (0, 1000]", s.notices.get(s.notices.size() - 1));
        distances(index, "<#>", T.input("1,2,3", -1), 10, s);
        assertEquals("WARNING: query dimension(3) not equal to data dimension(8)", s.notices.get(s.notices.size() - 1));
        index.insert(50001, reals(), s);
        assertEquals("WARNING: data dimension[0] not equal to configure dimension[8]", s.notices.get(s.notices.size() - 1));

        Table bare = new Table("pase_ivfflat_float_ops", am("pase_ivfflat").parseOptions(Map.of()));
        expect("XX000", "ivfflat index must be created with necessary parameters", () -> am("pase_ivfflat").build(bare));
        Table badParams = new Table("pase_ivfflat_float_ops", am("pase_ivfflat").parseOptions(
                Map.of("clustering_type", "1", "dimension", "8", "clustering_params", "10")));
        expect("XX000", "cluster parameters format error, splits size:1", () -> am("pase_ivfflat").build(badParams));
        Table noFile = new Table("pase_ivfflat_float_ops", am("pase_ivfflat").parseOptions(
                Map.of("clustering_type", "0", "dimension", "8", "clustering_params", "/nonexistent/centroids")));
        expect("XX000", "open centroid file[/nonexistent/centroids] failed", () -> am("pase_ivfflat").build(noFile));
        expect("22023", "unrecognized parameter \"dim\"", () -> am("pase_ivfflat").parseOptions(Map.of("dim", "8")));
    }
}
