package io.pgsight.server;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What pg_dump 15 sends before its catalog queries, and the settings every dump script's header
 * sets on restore: all accepted, with PostgreSQL's values.
 */
class PgDumpSessionTest {
    @Test
    void pgDumpConnectionSetupAndDumpHeaderAreAccepted() throws Exception {
        RealEngine.assumePresent();
        try (PgsightServer server = PgsightServer.startForTests(0);
             Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port()
                     + "/postgres?user=postgres&preferQueryMode=simple");
             Statement s = c.createStatement()) {
            assertEquals("f", one(s, "SELECT pg_catalog.pg_is_in_recovery()"));
            for (String sql : List.of("SELECT pg_catalog.set_config('search_path', '', false)",
                    "SET DATESTYLE = ISO", "SET INTERVALSTYLE = POSTGRES", "SET extra_float_digits TO 3",
                    "SET synchronize_seqscans TO off", "SET statement_timeout = 0", "SET lock_timeout = 0",
                    "SET idle_in_transaction_session_timeout = 0", "SET row_security = off", "BEGIN",
                    "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", "COMMIT")) {
                s.execute(sql);
            }
            assertEquals("off", one(s, "SHOW synchronize_seqscans"));
            for (String sql : List.of("SET client_encoding = 'UTF8'", "SET standard_conforming_strings = on",
                    "SET check_function_bodies = false", "SET xmloption = content",
                    "SET client_min_messages = warning", "SET default_tablespace = ''",
                    "SET default_table_access_method = heap")) {
                s.execute(sql);
            }
            assertEquals("content", one(s, "SHOW xmloption"));
            assertEquals("", one(s, "SHOW default_tablespace"));
            assertEquals("heap", one(s, "SHOW default_table_access_method"));
            SQLException bad = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> s.execute("SET xmloption = html"));
            assertEquals("22023", bad.getSQLState());
            assertTrue(bad.getMessage().contains("invalid value for parameter \"xmloption\": \"html\""),
                    bad.getMessage());
        }
    }

    private static String one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }
}
