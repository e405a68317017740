package io.pgsight.sql.engine;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.catalog.CatalogRegistrar;
import io.pgsight.sql.catalog.Sequence;
import io.pgsight.sql.exec.ExecContext;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.FunctionDef;
import io.pgsight.sql.spi.ScalarFunction;
import io.pgsight.sql.spi.Volatility;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Functions that need the session: now(), current_database(), current_user,
 * version(), pg_read_binary_file(), current_setting()/set_config(), pg_sleep(), sequences,
 * pg_backend_pid(), txid_current().
 */
final class SessionFunctions {
    static final String VERSION = "PostgreSQL 15.20 (pgsight) on x86_64-pc-linux-gnu, compiled by javac 17, 64-bit";

    private SessionFunctions() {
    }

    private static ExecContext ctx(FunctionContext c) {
        return (ExecContext) c;
    }

    private static void fn(CatalogRegistrar r, String name, List<String> args, String ret, boolean strict, Volatility v,
                           ScalarFunction body) {
        r.function(new FunctionDef(name, args, ret, strict, v, false, body, List.of(), null));
    }

    static void register(CatalogRegistrar r) {
        if (!typeExists(r, "text")) {
            return; // without pg_catalog's types (tests without builtins) there is nothing to bind to
        }
        fn(r, "now", List.of(), "timestamptz", true, Volatility.STABLE, (c, a) -> timestamp(c, ctx(c).session().transactionStartMicros()));
        fn(r, "transaction_timestamp", List.of(), "timestamptz", true, Volatility.STABLE,
                (c, a) -> timestamp(c, ctx(c).session().transactionStartMicros()));
        fn(r, "statement_timestamp", List.of(), "timestamptz", true, Volatility.STABLE,
                (c, a) -> timestamp(c, ctx(c).session().statementStartMicros()));
        fn(r, "clock_timestamp", List.of(), "timestamptz", true, Volatility.VOLATILE,
                (c, a) -> timestamp(c, System.currentTimeMillis() * 1000));
        fn(r, "current_database", List.of(), "name", true, Volatility.STABLE, (c, a) -> ctx(c).catalog().database());
        fn(r, "current_catalog", List.of(), "name", true, Volatility.STABLE, (c, a) -> ctx(c).catalog().database());
        fn(r, "current_user", List.of(), "name", true, Volatility.STABLE, (c, a) -> ctx(c).session().user());
        fn(r, "session_user", List.of(), "name", true, Volatility.STABLE, (c, a) -> ctx(c).session().user());
        fn(r, "current_schema", List.of(), "name", true, Volatility.STABLE, (c, a) -> {
            java.util.List<String> listed = searchPath(c).existing(ctx(c).catalog());
            return listed.isEmpty() ? null : listed.get(0);
        });
        fn(r, "version", List.of(), "text", true, Volatility.STABLE, (c, a) -> VERSION);
        fn(r, "pg_backend_pid", List.of(), "int4", true, Volatility.STABLE, (c, a) -> ctx(c).session().backendPid());
        // pgsight has no standbys; pg_dump asks before choosing its transaction mode.
        fn(r, "pg_is_in_recovery", List.of(), "bool", true, Volatility.VOLATILE, (c, a) -> false);
        fn(r, "txid_current", List.of(), "int8", true, Volatility.STABLE, (c, a) -> ctx(c).writeXid().top().id());
        fn(r, "current_setting", List.of("text"), "text", true, Volatility.STABLE,
                (c, a) -> ctx(c).session().settings().show((String) a[0]));
        fn(r, "current_setting", List.of("text", "bool"), "text", true, Volatility.STABLE, (c, a) -> {
            String v = ctx(c).session().settings().get((String) a[0]);
            if (v == null && !(Boolean) a[1]) {
                throw io.pgsight.sql.settings.SessionSettings.unrecognized((String) a[0]);
            }
            return v;
        });
        fn(r, "set_config", List.of("text", "text", "bool"), "text", false, Volatility.VOLATILE, (c, a) -> {
            var s = ctx(c).session().settings();
            s.set((String) a[0], (String) a[1], Boolean.TRUE.equals(a[2]), true);
            return s.get((String) a[0]);
        });
        fn(r, "pg_sleep", List.of("float8"), "void", true, Volatility.VOLATILE, (c, a) -> {
            long end = System.nanoTime() + (long) ((Double) a[0] * 1e9);
            while (System.nanoTime() < end) {
                c.checkCancelled();
                try {
                    Thread.sleep(Math.min(20, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SqlException("57014", "canceling statement due to user request");
                }
            }
            return null;
        });
        fn(r, "pg_read_binary_file", List.of("text"), "bytea", true, Volatility.VOLATILE, (c, a) -> readFile(c, (String) a[0]));
        fn(r, "nextval", List.of("text"), "int8", true, Volatility.VOLATILE, (c, a) -> {
            Sequence s = sequence(c, (String) a[0]);
            return ((SessionImpl) ctx(c).session()).nextval(s);
        });
        fn(r, "currval", List.of("text"), "int8", true, Volatility.VOLATILE, (c, a) -> {
            Sequence s = sequence(c, (String) a[0]);
            Long v = ((SessionImpl) ctx(c).session()).currval(s);
            if (v == null) {
                throw new SqlException("55000", "currval of sequence \"" + s.name() + "\" is not yet defined in this session");
            }
            return v;
        });
        fn(r, "lastval", List.of(), "int8", true, Volatility.VOLATILE, (c, a) -> {
            Long v = ((SessionImpl) ctx(c).session()).lastval();
            if (v == null) {
                throw new SqlException("55000", "lastval is not yet defined in this session");
            }
            return v;
        });
        fn(r, "setval", List.of("text", "int8"), "int8", true, Volatility.VOLATILE, (c, a) -> {
            Sequence s = sequence(c, (String) a[0]);
            s.setValue((Long) a[1], true);
            ((SessionImpl) ctx(c).session()).recordCurrval(s, (Long) a[1]);
            return a[1];
        });
        fn(r, "setval", List.of("text", "int8", "bool"), "int8", true, Volatility.VOLATILE, (c, a) -> {
            Sequence s = sequence(c, (String) a[0]);
            s.setValue((Long) a[1], (Boolean) a[2]);
            ((SessionImpl) ctx(c).session()).durable().sequence(ctx(c).catalog().database(), s);
            return a[1];
        });
    }

    private static boolean typeExists(CatalogRegistrar r, String name) {
        try {
            r.getClass();
            return r.hasType(name);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Object timestamp(FunctionContext c, long micros) {
        return TimestampValues.fromEpochMicros(c, micros);
    }

    private static Sequence sequence(FunctionContext c, String name) {
        java.util.List<String> parts = io.pgsight.sql.pgcatalog.ObjectNames.splitName(name);
        String n = parts.get(parts.size() - 1);
        String schema = parts.size() > 1 ? parts.get(parts.size() - 2) : null;
        Sequence s = ctx(c).catalog().sequence(schema, n, searchPath(c));
        if (s == null) {
            throw new SqlException("42P01", "relation \"" + name + "\" does not exist");
        }
        return s;
    }

    private static io.pgsight.sql.catalog.SearchPath searchPath(FunctionContext c) {
        return io.pgsight.sql.catalog.SearchPath.of(c.setting("search_path"), c.setting("session_authorization"));
    }

    private static byte[] readFile(FunctionContext c, String file) {
        String root = c.setting("pgsight.file_read_root");
        Path p = Path.of(file).toAbsolutePath().normalize();
        if (root != null && !root.isEmpty() && !p.startsWith(Path.of(root).toAbsolutePath().normalize())) {
            throw new SqlException("42501", "absolute path not allowed");
        }
        try {
            return Files.readAllBytes(p);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new SqlException("58P01", "could not open file \"" + file + "\" for reading: No such file or directory");
        } catch (IOException e) {
            throw new SqlException("58030", "could not read file \"" + file + "\": " + e.getMessage());
        }
    }
}
