package io.pgsight.ext.imgsmlr;

import io.pgsight.imaging.Signature;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.IndexBuildContext;
import io.pgsight.sql.spi.IndexInstance;
import io.pgsight.sql.spi.OperatorClassDef;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** gist_signature_ops through IndexAccessMethod/IndexInstance, on the compat scripts' data. */
class SignatureGistIndexTest {

    private static IndexInstance build(OperatorClassDef opc, Map<Long, Object> rows, TestSession s) {
        Object options = opc.implementation().parseOptions(Map.of());
        return opc.implementation().build(new IndexBuildContext() {
            @Override
            public String indexName() {
                return "s_sig";
            }

            @Override
            public String tableName() {
                return "s";
            }

            @Override
            public OperatorClassDef operatorClass() {
                return opc;
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
            public FunctionContext session() {
                return s;
            }

            @Override
            public void forEachRow(RowVisitor visitor) {
                rows.forEach(visitor::visit);
            }
        });
    }

    private static List<Long> scan(IndexInstance index, Object query, List<Double> distances) {
        List<Long> ids = new ArrayList<>();
        try (IndexInstance.OrderedScan scan = index.orderedScan("<->", query, new TestSession())) {
            while (scan.next()) {
                ids.add(scan.rowId());
                distances.add(scan.distance());
            }
        }
        return ids;
    }

    /** imgsmlr_types.sql: table s (1.jpg, not an image, NULL, 7.jpg), KNN from row 4, NULL signatures last. */
    @Test
    void nullSignaturesComeLast() {
        RecordingRegistry r = ImgsmlrExtensionTest.registered();
        TestSession s = new TestSession();
        Map<Long, Object> rows = new LinkedHashMap<>();
        rows.put(1L, sig(r, s, "1.jpg"));
        rows.put(2L, null);
        rows.put(3L, null);
        rows.put(4L, sig(r, s, "7.jpg"));
        IndexInstance index = build(r.operatorClasses.get(0), rows, s);
        List<Double> d = new ArrayList<>();
        List<Long> ids = scan(index, rows.get(4L), d);
        assertEquals(List.of(4L, 1L), ids.subList(0, 2));
        assertEquals(0.0, d.get(0));
        assertEquals(3.1488848f, d.get(1).floatValue()); // compat/expected/imgsmlr_types.out
        assertEquals(4, ids.size());
        assertTrue(Double.isNaN(d.get(2)) && Double.isNaN(d.get(3)));
    }

    @Test
    void readmeKnnAndInsertsAfterBuild() {
        RecordingRegistry r = ImgsmlrExtensionTest.registered();
        TestSession s = new TestSession();
        Map<Long, Object> rows = new LinkedHashMap<>();
        for (long id = 1; id <= 6; id++) {
            rows.put(id, sig(r, s, file(id)));
        }
        IndexInstance index = build(r.operatorClasses.get(0), rows, s);
        for (long id = 7; id <= 12; id++) {
            Object key = sig(r, s, file(id));
            rows.put(id, key);
            index.insert(id, key);
        }
        long[][] expected = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {10, 11, 12}};
        for (long[] e : expected) {
            List<Long> ids = scan(index, rows.get(e[0]), new ArrayList<>());
            assertEquals(List.of(e[0], e[1], e[2]), ids.subList(0, 3));
            assertEquals(12, ids.size());
        }
        index.remove(2L, rows.get(2L));
        assertEquals(List.of(1L, 3L), scan(index, rows.get(1L), new ArrayList<>()).subList(0, 2));
        assertTrue(index.sizeBytes() > 0);
    }

    @Test
    void optionsAndOperators() {
        OperatorClassDef opc = ImgsmlrExtensionTest.registered().operatorClasses.get(0);
        assertEquals(new GistOptions(70, "on"), opc.implementation().parseOptions(Map.of("fillfactor", "70", "buffering", "ON")));
        SqlException e = assertThrows(SqlException.class, () -> opc.implementation().parseOptions(Map.of("lists", "3")));
        assertEquals("unrecognized parameter \"lists\"", e.getMessage());
        assertEquals("22023", e.sqlState());
        SqlException ff = assertThrows(SqlException.class, () -> opc.implementation().parseOptions(Map.of("fillfactor", "5")));
        assertEquals("value 5 out of bounds for option \"fillfactor\"", ff.getMessage());
    }

    private static String file(long id) {
        return id + (id % 3 == 1 ? ".jpg" : id % 3 == 2 ? ".png" : ".gif");
    }

    private static Signature sig(RecordingRegistry r, TestSession s, String file) {
        String fn = file.endsWith(".jpg") ? "jpeg2pattern" : file.endsWith(".png") ? "png2pattern" : "gif2pattern";
        Object p = ImgsmlrExtensionTest.call(r, s, fn, (Object) ImgsmlrExtensionTest.image(file));
        return (Signature) ImgsmlrExtensionTest.call(r, s, "pattern2signature", p);
    }
}
