package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import io.pgsight.sql.api.SqlException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plan choice (KNN index path, key lookups, seq scan + sort) shown through EXPLAIN (COSTS OFF). */
class PlannerTest extends EngineTestSupport {
    private EngineSession s;

    @BeforeEach
    void setUp() {
        s = open();
        run(s, "CREATE EXTENSION knntest");
        run(s, "CREATE TABLE p (id int PRIMARY KEY, cat int, pt pt2)");
        run(s, "INSERT INTO p SELECT i, i % 3, ((i % 10)::text || ',' || (i / 10)::text)::pt2 FROM generate_series(1, 100) i");
    }

    private List<String> explain(String sql) {
        return rows(s, "EXPLAIN (COSTS OFF) " + sql).stream().map(r -> r.get(0)).toList();
    }

    @Test
    void knnWithLimitUsesTheIndex() {
        String q = "SELECT id FROM p ORDER BY pt <-> '2,3' LIMIT 3";
        List<List<String>> before = rows(s, q);
        assertEquals(List.of("Limit", "  ->  Sort", "        Sort Key: ?sort?", "        ->  Seq Scan on p").size(),
                explain(q).size());
        run(s, "CREATE INDEX p_pt_idx ON p USING bruteknn (pt)");
        assertEquals(List.of("Limit", "  ->  Index Scan using p_pt_idx on p", "        Order By: (pt <-> '2,3'::pt2)"),
                explain(q));
        assertEquals(before, rows(s, q));
        assertEquals(List.of(List.of("32")), rows(s, "SELECT id FROM p ORDER BY pt <-> '2,3' LIMIT 1"));
    }

    @Test
    void filtersAreAppliedAfterTheIndexScan() {
        run(s, "CREATE INDEX ON p USING bruteknn (pt)");
        assertEquals(List.of("Limit", "  ->  Index Scan using p_pt_idx on p", "        Order By: (pt <-> '2,3'::pt2)",
                "        Filter: (cat = 2)"), explain("SELECT id FROM p WHERE cat = 2 ORDER BY pt <-> '2,3' LIMIT 2"));
        assertEquals(List.of(List.of("32"), List.of("23")),
                rows(s, "SELECT id FROM p WHERE cat = 2 ORDER BY pt <-> '2,3' LIMIT 2"));
    }

    @Test
    void withoutLimitSeqScanUnlessDisabled() {
        run(s, "CREATE INDEX p_pt_idx ON p USING bruteknn (pt)");
        assertTrue(explain("SELECT id FROM p ORDER BY pt <-> '2,3'").get(0).startsWith("Sort"));
        run(s, "SET enable_seqscan = off");
        assertEquals(List.of("Index Scan using p_pt_idx on p", "  Order By: (pt <-> '2,3'::pt2)"),
                explain("SELECT id FROM p ORDER BY pt <-> '2,3'"));
    }

    @Test
    void uncorrelatedSubqueryBecomesAnInitPlan() {
        run(s, "CREATE INDEX p_pt_idx ON p USING bruteknn (pt)");
        assertEquals(List.of("Limit", "  InitPlan 1 (returns $0)", "    ->  Index Scan using p_pkey on p p_1",
                        "          Index Cond: (id = 32)", "  ->  Index Scan using p_pt_idx on p",
                        "        Order By: (pt <-> $0)"),
                explain("SELECT id FROM p ORDER BY pt <-> (SELECT pt FROM p WHERE id = 32) LIMIT 2").subList(0, 6));
        assertEquals(List.of(List.of("32")),
                rows(s, "SELECT id FROM p ORDER BY pt <-> (SELECT pt FROM p WHERE id = 32) LIMIT 1"));
    }

    @Test
    void primaryKeyLookup() {
        assertEquals(List.of("Index Scan using p_pkey on p", "  Index Cond: (id = 5)"), explain("SELECT * FROM p WHERE id = 5"));
        assertEquals(List.of(List.of("5", "2", "5,0")), rows(s, "SELECT * FROM p WHERE id = 5"));
        assertEquals(List.of("Seq Scan on p", "  Filter: (cat = 1)"), explain("SELECT * FROM p WHERE cat = 1"));
    }

    @Test
    void deletedRowsLeaveTheIndexOnVacuum() {
        run(s, "CREATE INDEX p_pt_idx ON p USING bruteknn (pt)");
        KnnTestExtension.REMOVED.clear();
        run(s, "DELETE FROM p WHERE id > 90");
        assertFalse(rows(s, "SELECT id FROM p ORDER BY pt <-> '0,9' LIMIT 3").contains(List.of("91")));
        run(s, "VACUUM p");
        assertEquals(10, KnnTestExtension.REMOVED.size());
    }

    @Test
    void indexAndExtensionErrors() {
        assertError(s, "CREATE INDEX ON p USING nosuch (pt)", "42704", "access method \"nosuch\" does not exist");
        assertError(s, "CREATE INDEX ON p USING bruteknn (cat)", "42704",
                "data type integer has no default operator class for access method \"bruteknn\"");
        assertError(s, "CREATE INDEX ON p USING bruteknn (pt) WITH (foo = 1)", "22023", "unrecognized parameter \"foo\"");
        SqlException e = assertError(s, "DROP EXTENSION knntest", "2BP01",
                "cannot drop extension knntest because other objects depend on it");
        assertEquals("column pt of table p depends on type pt2", e.detail());
        assertEquals("0A000", error(s, "CREATE EXTENSION nosuchext").sqlState());
        assertError(s, "CREATE EXTENSION knntest", "42710", "extension \"knntest\" already exists");
        run(s, "CREATE EXTENSION IF NOT EXISTS knntest");
    }
}
