package io.pgsight.sql.engine;

import io.pgsight.sql.api.Engine;
import io.pgsight.sql.api.EngineConfig;
import io.pgsight.sql.api.EngineSession;
import io.pgsight.sql.api.NoticeListener;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.CatalogRegistrar;
import io.pgsight.sql.settings.SettingCatalog;
import io.pgsight.sql.spi.Extension;
import io.pgsight.sql.txn.TransactionManager;

import io.pgsight.sql.persist.DurableStore;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The running engine: databases by name, the shared transaction manager and setting definitions.
 * Every new database gets pg_catalog's built-ins and the engine's session functions.
 */
public final class EngineImpl implements Engine {
    private final Map<String, Database> databases = new ConcurrentHashMap<>();
    private final TransactionManager transactions = new TransactionManager();
    private final AdvisoryLocks advisoryLocks = new AdvisoryLocks();
    private final SettingCatalog settings;
    private final AtomicInteger nextDatabaseOid = new AtomicInteger(16384);
    private final AtomicInteger nextPid = new AtomicInteger(1000);
    private final Map<Integer, SessionImpl> sessions = new ConcurrentHashMap<>();
    private final DurableStore store;

    public EngineImpl(EngineConfig config) {
        Path dataDir = config.dataDirectory() == null ? null : Path.of(config.dataDirectory()).toAbsolutePath().normalize();
        Map<String, String> configured = new HashMap<>(config.settings());
        configured.put("data_directory", dataDir == null ? "" : dataDir.toString());
        this.settings = new SettingCatalog(configured);
        databases.put("template1", newDatabase("template1", 1));
        databases.put("template0", newDatabase("template0", 4));
        databases.put("postgres", newDatabase("postgres", 5));
        if (dataDir != null) {
            // sessions opened by recovery see store == null, so replay is not logged again
            EngineRecovery recovery = new EngineRecovery(this, dataDir, System.out);
            this.store = DurableStore.open(dataDir, recovery, recovery, System.out);
        } else {
            this.store = null;
        }
    }

    /** The durable log, or null when running in memory. */
    DurableStore store() {
        return store;
    }

    /** Tests: stop as kill -9 would (no checkpoint), so another engine can open the data directory. */
    void crashForTests() {
        if (store != null) {
            store.closeWithoutCheckpoint();
        }
        databases.clear();
    }

    Collection<Database> databases() {
        return databases.values();
    }

    Database newDatabase(String name, int oid) {
        Catalog c = new Catalog(name, oid);
        CatalogRegistrar builtin = new CatalogRegistrar(c, "pg_catalog", "pg_catalog", settings);
        Extension b = builtinCatalog();
        if (b != null) {
            b.register(builtin);
        }
        SessionFunctions.register(builtin);
        AdvisoryLockFunctions.register(builtin);
        for (int regOid : new int[] {2205, 2206}) {
            io.pgsight.sql.spi.PgType base = c.typeByOid(regOid);
            if (base != null) {
                builtin.type(new io.pgsight.sql.catalog.RegType(base, c));
            }
        }
        // pg_catalog's functions and reg* types that also see the system relations (these replace the above)
        io.pgsight.sql.pgcatalog.CatalogFunctions.register(builtin, c);
        return new Database(name, oid, c);
    }

    private static Extension builtinCatalog() {
        try {
            return (Extension) Class.forName("io.pgsight.sql.builtin.BuiltinCatalog").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** The extension named {@code name} on the class path, or null. */
    static Extension findExtension(String name) {
        for (Extension e : ServiceLoader.load(Extension.class)) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    Database database(String name) {
        return databases.get(name);
    }

    void createDatabase(String name) {
        if (databases.containsKey(name)) {
            throw new SqlException("42P04", "database \"" + name + "\" already exists");
        }
        Database d = newDatabase(name, nextDatabaseOid.getAndIncrement());
        if (databases.putIfAbsent(name, d) != null) {
            throw new SqlException("42P04", "database \"" + name + "\" already exists");
        }
    }

    boolean dropDatabase(String name, String current) {
        if (!databases.containsKey(name)) {
            return false;
        }
        if (name.equals(current)) {
            throw new SqlException("55006", "cannot drop the currently open database");
        }
        long others = sessions.values().stream().filter(s -> s.databaseName().equals(name)).count();
        if (others > 0) {
            throw new SqlException("55006", "database \"" + name + "\" is being accessed by other users")
                    .withDetail("There " + (others == 1 ? "is 1 other session" : "are " + others + " other sessions")
                            + " using the database.");
        }
        if (name.equals("template0") || name.equals("template1")) {
            throw new SqlException("55006", "cannot drop a template database");
        }
        databases.remove(name);
        return true;
    }

    Map<String, Integer> databaseOids() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        databases.forEach((n, d) -> out.put(n, d.oid()));
        return out;
    }

    AdvisoryLocks advisoryLocks() {
        return advisoryLocks;
    }

    TransactionManager transactions() {
        return transactions;
    }

    SettingCatalog settings() {
        return settings;
    }

    void unregister(SessionImpl s) {
        sessions.remove(s.backendPid());
    }

    @Override
    public EngineSession openSession(String user, String database, Map<String, String> options, NoticeListener listener) {
        Database db = databases.get(database);
        if (db == null) {
            throw new SqlException("3D000", "database \"" + database + "\" does not exist");
        }
        int pid = nextPid.getAndIncrement();
        SessionImpl s = new SessionImpl(this, db, user, options == null ? Map.of() : options, listener, pid);
        sessions.put(pid, s);
        return s;
    }

    @Override
    public void close() {
        sessions.values().forEach(SessionImpl::cancel);
        if (store != null) {
            store.close();
        }
        databases.clear();
    }
}
