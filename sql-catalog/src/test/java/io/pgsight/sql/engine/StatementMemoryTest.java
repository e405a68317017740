package io.pgsight.sql.engine;

import io.pgsight.sql.api.EngineSession;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.exec.StatementMemory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * pgsight.max_statement_mem: a statement whose sorts, hash tables or aggregate inputs would hold more
 * fails with PostgreSQL's 53200 "out of memory", and the session goes on.
 */
class StatementMemoryTest extends EngineTestSupport {
    private static void assertOutOfMemory(EngineSession s, String sql) {
        SqlException e = assertError(s, sql, "53200", "out of memory");
        assertTrue(e.detail() != null && e.detail().matches("Failed on request of size \\d+ in memory context \"ExecutorState\"\\."),
                e.detail());
    }

    @Test
    void bigSortsGroupingsAndAggregatesFailWith53200AndTheSessionGoesOn() {
        EngineSession s = open();
        assertTrue(one(s, "SHOW pgsight.max_statement_mem").matches("\\d+(kB|MB|GB)"));
        run(s, "SET pgsight.max_statement_mem = '1MB'");
        assertOutOfMemory(s, "SELECT g, md5(g::text) FROM generate_series(1, 100000) g ORDER BY 2");
        assertEquals("1", one(s, "SELECT 1"));
        assertOutOfMemory(s, "SELECT g % 50000, count(*) FROM generate_series(1, 200000) g GROUP BY 1");
        assertOutOfMemory(s, "SELECT array_agg(g) FROM generate_series(1, 200000) g");
        assertOutOfMemory(s, "SELECT count(*) FROM generate_series(1, 100000) a JOIN generate_series(1, 100000) b ON a = b");
        // small statements stay within the bound, also when a subquery sorts again for every outer row
        assertEquals("5050", one(s, "SELECT sum(g) FROM (SELECT g FROM generate_series(1, 100) g ORDER BY g DESC) x"));
        assertEquals("2000", one(s, "SELECT count(*) FROM generate_series(1, 2000) o WHERE (SELECT max(x) FROM "
                + "(SELECT g + o AS x FROM generate_series(1, 200) g ORDER BY 1) s) > 0"));
        // inside a transaction block the error aborts the block, as any error does
        run(s, "BEGIN");
        assertOutOfMemory(s, "SELECT string_agg(g::text, ',') FROM generate_series(1, 100000) g");
        assertError(s, "SELECT 1", "25P02", "current transaction is aborted, commands ignored until end of transaction block");
        run(s, "ROLLBACK");
        run(s, "RESET pgsight.max_statement_mem");
        assertEquals("100000", one(s, "SELECT count(*) FROM (SELECT g FROM generate_series(1, 100000) g ORDER BY g DESC) x"));
        // other sessions keep their own bound
        EngineSession other = open();
        assertEquals("200000", one(other, "SELECT array_length(array_agg(g), 1) FROM generate_series(1, 200000) g"));
    }

    @Test
    void valuesOfOneGigabyteAreRefusedAsPostgresDoes() {
        SqlException alloc = assertThrows(SqlException.class, () -> StatementMemory.checkAllocation(1L << 30));
        assertEquals("XX000", alloc.sqlState());
        assertEquals("invalid memory alloc request size 1073741824", alloc.getMessage());
        StatementMemory.checkAllocation(StatementMemory.MAX_ALLOC);
        SqlException buffer = assertThrows(SqlException.class,
                () -> StatementMemory.checkStringBuffer(1_000_000_000L, 100_000_000L));
        assertEquals("53200", buffer.sqlState());
        assertEquals("Cannot enlarge string buffer containing 1000000000 bytes by 100000000 more bytes.", buffer.detail());
    }

    @Test
    void anOutOfMemoryErrorInAStatementBecomes53200() {
        EngineSession s = open();
        run(s, "CREATE EXTENSION knntest");
        assertError(s, "SELECT knntest_exhaust_heap()", "53200", "out of memory");
        assertEquals("1", one(s, "SELECT 1"));
    }
}
