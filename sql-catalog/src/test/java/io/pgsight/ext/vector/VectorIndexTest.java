package io.pgsight.ext.vector;

import static io.pgsight.ext.vector.Errors.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pgsight.sql.spi.AccessMethodDef;
import io.pgsight.sql.spi.BitString;
import io.pgsight.sql.spi.IndexInstance;
import io.pgsight.sql.spi.OperatorClassDef;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** ivfflat and hnsw through the SPI: shared/compat/vector_index.sql's answers, errors and recall. */
class VectorIndexTest {
    private static final RecordingRegistry R = RecordingRegistry.of(new VectorExtension());

    private static AccessMethodDef am(String name) {
        return R.accessMethods.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    private static OperatorClassDef opclass(String am, String name) {
        return R.operatorClasses.stream().filter(o -> o.accessMethod().equals(am) && o.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private static RecordingRegistry.Session session(String... settings) {
        RecordingRegistry.Session s = new RecordingRegistry.Session();
        for (int i = 0; i < settings.length; i += 2) {
            s.settings.put(settings[i], settings[i + 1]);
        }
        return s;
    }

    /** vector_index.sql's docs rows: ARRAY[round(sin(i)::numeric, 4), ...]::vector(4). */
    static Vector docRow(int i) {
        double[] raw = {Math.sin(i), Math.cos(i), Math.sin(i * 0.7), Math.cos(i * 1.3)};
        float[] out = new float[4];
        for (int k = 0; k < 4; k++) {
            out[k] = Float.parseFloat(new BigDecimal(raw[k]).setScale(4, RoundingMode.HALF_UP).toPlainString());
        }
        return Vector.of(out);
    }

    private static TestBuildContext docs(String amName, String opclassName, Map<String, String> with,
                                         RecordingRegistry.Session session) {
        Object options = am(amName).implementation().parseOptions(with);
        TestBuildContext ctx = new TestBuildContext(opclass(amName, opclassName), options, 4, session);
        for (int i = 1; i <= 200; i++) {
            ctx.rows.put((long) i, docRow(i));
        }
        return ctx;
    }

    private static List<Long> ids(IndexInstance index, String op, Object query, int limit,
                                  RecordingRegistry.Session s) {
        List<Long> out = new ArrayList<>();
        try (IndexInstance.OrderedScan scan = index.orderedScan(op, query, s)) {
            while (out.size() < limit && scan.next()) {
                out.add(scan.rowId());
            }
        }
        return out;
    }

    private static Vector v(String s) {
        return VectorType.INSTANCE.input(s, -1);
    }

    @Test
    void ivfflatAnswersLikeTheCompatScript() {
        RecordingRegistry.Session s = session("ivfflat.probes", "4");
        IndexInstance l2 = am("ivfflat").implementation().build(docs("ivfflat", "vector_l2_ops", Map.of("lists", "4"), s));
        assertEquals(List.of(183L, 120L, 1L, 189L, 57L), ids(l2, "<->", v("[0.5,0.5,0.5,0.5]"), 5, s));
        assertEquals(List.of(55L, 162L, 99L), ids(l2, "<->", v("[-0.9,0.1,0.4,-0.6]"), 3, s));
        s.settings.put("ivfflat.probes", "5");
        IndexInstance ip = am("ivfflat").implementation().build(docs("ivfflat", "vector_ip_ops", Map.of("lists", "5"), s));
        assertEquals(List.of(128L, 191L, 65L, 172L, 2L), ids(ip, "<#>", v("[1,-1,0.5,0]"), 5, s));
        s.settings.put("ivfflat.probes", "3");
        IndexInstance cos = am("ivfflat").implementation().build(
                docs("ivfflat", "vector_cosine_ops", Map.of("lists", "3"), s));
        assertEquals(List.of(170L, 151L, 107L, 88L, 69L), ids(cos, "<=>", v("[0.2,0.9,-0.3,0.1]"), 5, s));
        assertTrue(s.notices.isEmpty(), "no little-data notice with 200 rows");
    }

    @Test
    void hnswAnswersLikeTheCompatScriptIncludingChangesAfterBuild() {
        RecordingRegistry.Session s = session("hnsw.ef_search", "400");
        TestBuildContext ctx = docs("hnsw", "vector_l2_ops", Map.of("m", "8", "ef_construction", "32"), s);
        IndexInstance l2 = am("hnsw").implementation().build(ctx);
        assertEquals(List.of(183L, 120L, 1L, 189L, 57L), ids(l2, "<->", v("[0.5,0.5,0.5,0.5]"), 5, s));
        assertEquals(List.of(55L, 162L, 99L), ids(l2, "<->", v("[-0.9,0.1,0.4,-0.6]"), 3, s));
        l2.insert(201, v("[0.5,0.5,0.5,0.5]"));
        l2.insert(202, v("[0.51,0.5,0.5,0.5]"));
        l2.insert(203, v("[9,9,9,9]"));
        l2.remove(37, docRow(37));
        l2.remove(100, docRow(100));
        l2.insert(100, v("[0.5,0.5,0.48,0.5]"));
        assertEquals(List.of(201L, 202L, 100L, 183L, 120L, 1L), ids(l2, "<->", v("[0.5,0.5,0.5,0.5]"), 6, s));
        assertEquals(List.of(203L), ids(l2, "<->", v("[9,9,9,8]"), 1, s));
        l2.insert(204, null);
        assertEquals(202, ids(l2, "<->", v("[0,0,0,0]"), 1000, s).size());
        expect("22000", "different vector dimensions 3 and 4", () -> l2.orderedScan("<->", v("[1,2,3]"), s));

        IndexInstance ip = am("hnsw").implementation().build(docs("hnsw", "vector_ip_ops", Map.of(), s));
        assertEquals(List.of(128L, 191L, 65L, 172L, 2L), ids(ip, "<#>", v("[1,-1,0.5,0]"), 5, s));
        IndexInstance cos = am("hnsw").implementation().build(docs("hnsw", "vector_cosine_ops", Map.of(), s));
        assertEquals(List.of(170L, 151L, 107L, 88L, 69L), ids(cos, "<=>", v("[0.2,0.9,-0.3,0.1]"), 5, s));
        IndexInstance l1 = am("hnsw").implementation().build(docs("hnsw", "vector_l1_ops", Map.of("m", "12"), s));
        assertEquals(List.of(174L, 10L, 111L, 193L, 48L), ids(l1, "<+>", v("[-0.5,0,0.5,1]"), 5, s));
    }

    @Test
    void halfvecExpressionIndex() {
        RecordingRegistry.Session s = session("hnsw.ef_search", "400");
        TestBuildContext ctx = new TestBuildContext(opclass("hnsw", "halfvec_l2_ops"),
                am("hnsw").implementation().parseOptions(Map.of()), 4, s);
        for (int i = 1; i <= 200; i++) {
            ctx.rows.put((long) i, VectorCasts.toHalfVec(docRow(i).toArray(), 4));
        }
        IndexInstance index = am("hnsw").implementation().build(ctx);
        assertEquals(List.of(183L, 120L, 1L), ids(index, "<->", HalfVecType.INSTANCE.input("[0.5,0.5,0.5,0.5]", -1), 3, s));
    }

    @Test
    void nullQueryReturnsIndexedRowsAndOneDimensionalSphericalIsRefused() {
        RecordingRegistry.Session s = session("hnsw.ef_search", "400", "ivfflat.probes", "4");
        IndexInstance hnsw = am("hnsw").implementation().build(docs("hnsw", "vector_l2_ops", Map.of(), s));
        assertEquals(200, ids(hnsw, "<->", null, 1000, s).size());
        IndexInstance ivf = am("ivfflat").implementation().build(docs("ivfflat", "vector_l2_ops", Map.of("lists", "4"), s));
        assertEquals(200, ids(ivf, "<->", null, 1000, s).size());
        var method = am("ivfflat").implementation();
        expect("22023", "dimensions must be greater than one for this opclass", () -> method.build(
                new TestBuildContext(opclass("ivfflat", "vector_cosine_ops"), method.parseOptions(Map.of()), 1, s)));
    }

    @Test
    void averageOfTheDocsTable() {
        Object[] rows = new Object[200];
        for (int i = 1; i <= 200; i++) {
            rows[i - 1] = docRow(i);
        }
        assertEquals("[0.00016149937,-0.0052774996,0.010654502,-0.002080498]",
                VectorType.INSTANCE.output(R.aggregate("avg", "vector", rows)));
    }

    @Test
    void emptyTableFilledLater() {
        RecordingRegistry.Session s = session();
        TestBuildContext ctx = new TestBuildContext(opclass("hnsw", "vector_l2_ops"),
                am("hnsw").implementation().parseOptions(Map.of()), 2, s);
        IndexInstance index = am("hnsw").implementation().build(ctx);
        for (int i = 1; i <= 30; i++) {
            index.insert(i, Vector.of(i, i * 2));
        }
        assertEquals(List.of(10L, 11L, 9L), ids(index, "<->", v("[10.2,20.1]"), 3, s));
    }

    @Test
    void littleDataNotice() {
        RecordingRegistry.Session s = session();
        TestBuildContext ctx = new TestBuildContext(opclass("ivfflat", "vector_l2_ops"),
                am("ivfflat").implementation().parseOptions(Map.of("lists", "10")), 2, s);
        ctx.rows.put(1L, v("[1,1]"));
        ctx.rows.put(2L, v("[2,2]"));
        ctx.rows.put(3L, v("[3,3]"));
        IndexInstance index = am("ivfflat").implementation().build(ctx);
        assertEquals(1, s.richNotices.size());
        assertEquals("ivfflat index created with little data", s.richNotices.get(0).getMessage());
        assertEquals("NOTICE", s.richNotices.get(0).severity());
        assertEquals("This will cause low recall.", s.richNotices.get(0).detail());
        assertEquals("Drop the index until the table has more data.", s.richNotices.get(0).hint());
        s.settings.put("ivfflat.probes", "10");
        assertEquals(List.of(1L, 2L, 3L), ids(index, "<->", v("[0,0]"), 10, s));
    }

    @Test
    void optionAndColumnErrors() {
        var ivf = am("ivfflat").implementation();
        var hnsw = am("hnsw").implementation();
        expect("22023", "value 0 out of bounds for option \"lists\"", "Valid values are between \"1\" and \"32768\".",
                () -> ivf.parseOptions(Map.of("lists", "0")));
        expect("22023", "value 40000 out of bounds for option \"lists\"", "Valid values are between \"1\" and \"32768\".",
                () -> ivf.parseOptions(Map.of("lists", "40000")));
        expect("22023", "value 1 out of bounds for option \"m\"", "Valid values are between \"2\" and \"100\".",
                () -> hnsw.parseOptions(Map.of("m", "1")));
        expect("22023", "value 101 out of bounds for option \"m\"", "Valid values are between \"2\" and \"100\".",
                () -> hnsw.parseOptions(Map.of("m", "101")));
        expect("22023", "value 3 out of bounds for option \"ef_construction\"",
                "Valid values are between \"4\" and \"1000\".", () -> hnsw.parseOptions(Map.of("ef_construction", "3")));
        expect("22023", "unrecognized parameter \"lists\"", () -> hnsw.parseOptions(Map.of("lists", "4")));
        expect("22023", "unrecognized parameter \"foo\"", () -> ivf.parseOptions(Map.of("foo", "1")));
        expect("22023", "invalid value for integer option \"m\": abc", () -> hnsw.parseOptions(Map.of("m", "abc")));
        java.util.LinkedHashMap<String, String> ordered = new java.util.LinkedHashMap<>();
        ordered.put("m", "1");
        ordered.put("foo", "2");
        expect("22023", "value 1 out of bounds for option \"m\"", () -> hnsw.parseOptions(ordered));
        assertEquals(new VectorIndexMethod.HnswOptions(8, 64), hnsw.parseOptions(Map.of("m", " 010 ")));
        assertEquals(new VectorIndexMethod.IvfFlatOptions(16), ivf.parseOptions(Map.of("lists", "0x10")));
        assertEquals(new VectorIndexMethod.IvfFlatOptions(2), ivf.parseOptions(Map.of("lists", "2.5e0"))); // rint
        RecordingRegistry.Session s = session();
        expect("22023", "ef_construction must be greater than or equal to 2 * m", () -> hnsw.build(
                new TestBuildContext(opclass("hnsw", "vector_l2_ops"),
                        hnsw.parseOptions(Map.of("m", "16", "ef_construction", "16")), 4, s)));
        assertEquals(new VectorIndexMethod.HnswOptions(16, 32),
                hnsw.parseOptions(Map.of("m", "16", "ef_construction", "32")));
        expect("22023", "column does not have dimensions", () -> ivf.build(
                new TestBuildContext(opclass("ivfflat", "vector_l2_ops"), ivf.parseOptions(Map.of()), -1, s)));
        expect("22023", "column does not have dimensions", () -> hnsw.build(
                new TestBuildContext(opclass("hnsw", "vector_l2_ops"), hnsw.parseOptions(Map.of()), -1, s)));
        expect("54000", "column cannot have more than 2000 dimensions for hnsw index", () -> hnsw.build(
                new TestBuildContext(opclass("hnsw", "vector_l2_ops"), hnsw.parseOptions(Map.of()), 2001, s)));
        expect("54000", "column cannot have more than 2000 dimensions for ivfflat index", () -> ivf.build(
                new TestBuildContext(opclass("ivfflat", "vector_l2_ops"), ivf.parseOptions(Map.of()), 2001, s)));
        hnsw.build(new TestBuildContext(opclass("hnsw", "halfvec_l2_ops"), hnsw.parseOptions(Map.of()), 4000, s));
        assertTrue(R.operatorClasses.stream().noneMatch(o -> o.accessMethod().equals("ivfflat")
                && o.name().equals("vector_l1_ops")));
        assertTrue(opclass("ivfflat", "vector_l2_ops").isDefault());
        assertTrue(R.operatorClasses.stream().filter(o -> o.accessMethod().equals("hnsw")).noneMatch(
                OperatorClassDef::isDefault));
    }

    private static float[][] randomVectors(int n, int dim, long seed) {
        Random r = new Random(seed);
        float[][] out = new float[n][dim];
        for (float[] x : out) {
            for (int k = 0; k < dim; k++) {
                x[k] = r.nextFloat();
            }
        }
        return out;
    }

    private static double recall(IndexInstance index, String op, VectorOpClass c, float[][] data, float[][] queries,
                                 int k, RecordingRegistry.Session s) {
        int hits = 0;
        for (float[] q : queries) {
            Vector query = Vector.of(q);
            double[] d = new double[data.length];
            List<Integer> exact = new ArrayList<>();
            for (int i = 0; i < data.length; i++) {
                d[i] = c.operatorDistance(Vector.of(data[i]), query);
                exact.add(i);
            }
            exact.sort(Comparator.comparingDouble(i -> d[i]));
            Set<Long> truth = new HashSet<>();
            for (int i = 0; i < k; i++) {
                truth.add((long) exact.get(i));
            }
            for (long id : ids(index, op, query, k, s)) {
                if (truth.contains(id)) {
                    hits++;
                }
            }
        }
        return hits / (double) (k * queries.length);
    }

    @Test
    void recallOnRandomData() {
        float[][] data = randomVectors(2000, 16, 1);
        float[][] queries = randomVectors(30, 16, 2);
        RecordingRegistry.Session s = session("ivfflat.probes", "10");
        for (String[] c : new String[][] {{"vector_l2_ops", "<->"}, {"vector_cosine_ops", "<=>"}, {"vector_l1_ops", "<+>"},
            {"vector_ip_ops", "<#>"}}) {
            TestBuildContext ctx = new TestBuildContext(opclass("hnsw", c[0]),
                    am("hnsw").implementation().parseOptions(Map.of()), 16, s);
            for (int i = 0; i < data.length; i++) {
                ctx.rows.put((long) i, Vector.of(data[i]));
            }
            double r = recall(am("hnsw").implementation().build(ctx), c[1], VectorOpClass.named(c[0]), data, queries, 10, s);
            assertTrue(r >= 0.9, c[0] + " hnsw recall " + r);
        }
        TestBuildContext ctx = new TestBuildContext(opclass("ivfflat", "vector_l2_ops"),
                am("ivfflat").implementation().parseOptions(Map.of("lists", "30")), 16, s);
        for (int i = 0; i < data.length; i++) {
            ctx.rows.put((long) i, Vector.of(data[i]));
        }
        double r = recall(am("ivfflat").implementation().build(ctx), "<->", VectorOpClass.VECTOR_L2, data, queries, 10, s);
        assertTrue(r >= 0.8, "ivfflat recall " + r);
    }

    @Test
    void bitIndexes() {
        RecordingRegistry.Session s = session();
        Random r = new Random(3);
        for (String[] c : new String[][] {{"bit_hamming_ops", "<~>"}, {"bit_jaccard_ops", "<%>"}}) {
            TestBuildContext ctx = new TestBuildContext(opclass("hnsw", c[0]),
                    am("hnsw").implementation().parseOptions(Map.of()), 24, s);
            List<BitString> values = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                byte[] b = new byte[3];
                r.nextBytes(b);
                values.add(new BitString(24, b));
                ctx.rows.put((long) i, values.get(i));
            }
            IndexInstance index = am("hnsw").implementation().build(ctx);
            BitString q = values.get(17);
            List<Long> got = ids(index, c[1], q, 1, s);
            assertEquals(List.of(17L), got, c[0]);
            IndexInstance.OrderedScan scan = index.orderedScan(c[1], q, s);
            double last = -1;
            int n = 0;
            while (scan.next() && n++ < 20) {
                double expected = VectorOpClass.named(c[0]).operatorDistance(q, values.get((int) scan.rowId()));
                assertEquals(expected, scan.distance(), 1e-6);
                assertTrue(scan.distance() >= last - 1e-9);
                last = scan.distance();
            }
        }
    }

    @Test
    void sparsevecIndexesAndTheirLimit() {
        RecordingRegistry.Session s = session("hnsw.ef_search", "100");
        TestBuildContext ctx = new TestBuildContext(opclass("hnsw", "sparsevec_l2_ops"),
                am("hnsw").implementation().parseOptions(Map.of()), 5, s);
        ctx.rows.put(1L, SparseVecType.INSTANCE.input("{1:1}/5", -1));
        ctx.rows.put(2L, SparseVecType.INSTANCE.input("{2:1}/5", -1));
        ctx.rows.put(3L, SparseVecType.INSTANCE.input("{1:1,2:1}/5", -1));
        IndexInstance index = am("hnsw").implementation().build(ctx);
        assertEquals(List.of(3L), ids(index, "<->", SparseVecType.INSTANCE.input("{1:0.9,2:0.9}/5", -1), 1, s));
        StringBuilder big = new StringBuilder("{");
        for (int i = 1; i <= 1001; i++) {
            big.append(i > 1 ? "," : "").append(i).append(":1");
        }
        SparseVec wide = SparseVecType.INSTANCE.input(big + "}/2000", -1);
        expect("54000", "sparsevec cannot have more than 1000 non-zero elements for hnsw index",
                () -> index.insert(4, wide));
    }

    @Test
    void wideBitAndSparseColumnsUseExactScansAndVarbitIsRefused() {
        RecordingRegistry.Session s = session();
        TestBuildContext bits = new TestBuildContext(opclass("hnsw", "bit_hamming_ops"),
                am("hnsw").implementation().parseOptions(Map.of()), 4096, s);
        Random r = new Random(9);
        List<BitString> values = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            byte[] b = new byte[512];
            r.nextBytes(b);
            values.add(new BitString(4096, b));
            bits.rows.put((long) i, values.get(i));
        }
        IndexInstance index = am("hnsw").implementation().build(bits);
        assertTrue(index instanceof ExactScanIndex);
        assertEquals(List.of(7L), ids(index, "<~>", values.get(7), 1, s));
        TestBuildContext sparse = new TestBuildContext(opclass("hnsw", "sparsevec_cosine_ops"),
                am("hnsw").implementation().parseOptions(Map.of()), 100000, s);
        sparse.rows.put(1L, SparseVecType.INSTANCE.input("{5:1,99999:1}/100000", -1));
        sparse.rows.put(2L, SparseVecType.INSTANCE.input("{5:1}/100000", -1));
        assertEquals(List.of(2L, 1L), ids(am("hnsw").implementation().build(sparse), "<=>",
                SparseVecType.INSTANCE.input("{5:3}/100000", -1), 5, s));
        TestBuildContext varbit = new TestBuildContext(opclass("hnsw", "bit_hamming_ops"),
                am("hnsw").implementation().parseOptions(Map.of()), 8, s) {
            @Override
            public String keyTypeName() {
                return "bit varying";
            }
        };
        expect("0A000", "type not supported for hnsw index", () -> am("hnsw").implementation().build(varbit));
    }

    @Test
    void iterativeStrictOrderNeverGoesBackwards() {
        float[][] data = randomVectors(2000, 8, 5);
        RecordingRegistry.Session s = session("hnsw.ef_search", "10", "hnsw.iterative_scan", "strict_order");
        TestBuildContext ctx = new TestBuildContext(opclass("hnsw", "vector_l2_ops"),
                am("hnsw").implementation().parseOptions(Map.of()), 8, s);
        for (int i = 0; i < data.length; i++) {
            ctx.rows.put((long) i, Vector.of(data[i]));
        }
        IndexInstance index = am("hnsw").implementation().build(ctx);
        IndexInstance.OrderedScan scan = index.orderedScan("<->", Vector.of(data[0]), s);
        double last = -1;
        int n = 0;
        while (scan.next()) {
            assertTrue(scan.distance() >= last);
            last = scan.distance();
            n++;
        }
        assertTrue(n > 10, "iterative scan continues past ef_search: " + n);
        s.settings.put("hnsw.iterative_scan", "off");
        assertTrue(ids(index, "<->", Vector.of(data[0]), 1000, s).size() <= 10);
    }
}
