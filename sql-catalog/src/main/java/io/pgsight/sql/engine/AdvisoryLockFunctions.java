package io.pgsight.sql.engine;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.catalog.CatalogRegistrar;
import io.pgsight.sql.exec.ExecContext;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.FunctionDef;
import io.pgsight.sql.spi.ScalarFunction;
import io.pgsight.sql.spi.Volatility;

import java.util.List;

/**
 * pg_advisory_lock and its family over {@link AdvisoryLocks}: (bigint) and (int, int) keys; session and
 * _xact levels; _shared modes; pg_try_ variants that do not wait; unlocks that warn, as PostgreSQL,
 * when the session holds no such lock; pg_advisory_unlock_all.
 */
final class AdvisoryLockFunctions {
    private AdvisoryLockFunctions() {
    }

    private static SessionImpl session(FunctionContext c) {
        return (SessionImpl) ((ExecContext) c).session();
    }

    private static AdvisoryLocks.Key key(FunctionContext c, Object[] a) {
        int db = ((ExecContext) c).catalog().databaseOid();
        if (a.length == 1) {
            return new AdvisoryLocks.Key(db, (Long) a[0], 1);
        }
        return new AdvisoryLocks.Key(db, ((long) (Integer) a[0] << 32) | ((Integer) a[1] & 0xffffffffL), 2);
    }

    private static void fn(CatalogRegistrar r, String name, String ret, ScalarFunction body) {
        r.function(new FunctionDef(name, List.of("int8"), ret, true, Volatility.VOLATILE, false, body, List.of(), null));
        r.function(new FunctionDef(name, List.of("int4", "int4"), ret, true, Volatility.VOLATILE, false, body, List.of(),
                null));
    }

    static void register(CatalogRegistrar r) {
        for (boolean shared : new boolean[] {false, true}) {
            String suffix = shared ? "_shared" : "";
            for (boolean xact : new boolean[] {false, true}) {
                String level = xact ? "_xact" : "";
                fn(r, "pg_advisory" + level + "_lock" + suffix, "void", (c, a) -> {
                    SessionImpl s = session(c);
                    s.engine().advisoryLocks().acquire(key(c, a), s, shared, xact, c::checkCancelled);
                    return null;
                });
                fn(r, "pg_try_advisory" + level + "_lock" + suffix, "bool", (c, a) -> {
                    SessionImpl s = session(c);
                    return s.engine().advisoryLocks().tryAcquire(key(c, a), s, shared, xact);
                });
            }
            fn(r, "pg_advisory_unlock" + suffix, "bool", (c, a) -> {
                SessionImpl s = session(c);
                boolean released = s.engine().advisoryLocks().release(key(c, a), s, shared);
                if (!released) {
                    c.notice(new SqlException("WARNING", "01000", "you don't own a lock of type "
                            + (shared ? "ShareLock" : "ExclusiveLock"), null, null, 0, null));
                }
                return released;
            });
        }
        r.function(new FunctionDef("pg_advisory_unlock_all", List.of(), "void", true, Volatility.VOLATILE, false,
                (ScalarFunction) (c, a) -> {
                    SessionImpl s = session(c);
                    s.engine().advisoryLocks().releaseAll(s, false, true);
                    return null;
                }, List.of(), null));
    }
}
