package io.pgsight.pgwire.server;

import io.pgsight.pgwire.backend.BackendError;
import io.pgsight.pgwire.backend.PortalHandle;
import io.pgsight.pgwire.backend.PreparedStatementHandle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A session's prepared statements and portals by name. The empty name is the unnamed statement or
 * portal: defining it again replaces (and closes) the old one, while a named one must be closed
 * first (42P05 / 42P03).
 */
final class PreparedObjects {
    private final Map<String, PreparedStatementHandle> statements = new HashMap<>();
    private final Map<String, PortalHandle> portals = new HashMap<>();

    void checkStatementFree(String name) {
        if (!name.isEmpty() && statements.containsKey(name)) {
            throw new BackendError("ERROR", "42P05", "prepared statement \"" + name + "\" already exists");
        }
    }

    void putStatement(String name, PreparedStatementHandle statement) {
        PreparedStatementHandle old = statements.put(name, statement);
        if (old != null) {
            old.close();
        }
    }

    PreparedStatementHandle statement(String name) {
        PreparedStatementHandle s = statements.get(name);
        if (s == null) {
            throw new BackendError("ERROR", "26000", name.isEmpty() ? "unnamed prepared statement does not exist"
                    : "prepared statement \"" + name + "\" does not exist");
        }
        return s;
    }

    void checkPortalFree(String name) {
        if (!name.isEmpty() && portals.containsKey(name)) {
            throw new BackendError("ERROR", "42P03", "portal \"" + name + "\" already exists");
        }
    }

    void putPortal(String name, PortalHandle portal) {
        PortalHandle old = portals.put(name, portal);
        if (old != null) {
            old.close();
        }
    }

    PortalHandle portal(String name) {
        PortalHandle p = portals.get(name);
        if (p == null) {
            throw new BackendError("ERROR", "34000", "portal \"" + name + "\" does not exist");
        }
        return p;
    }

    void closeStatement(String name) {
        PreparedStatementHandle s = statements.remove(name);
        if (s != null) {
            s.close();
        }
    }

    void closePortal(String name) {
        PortalHandle p = portals.remove(name);
        if (p != null) {
            p.close();
        }
    }

    /** Transaction end: portals do not outlive their transaction. */
    void closeAllPortals() {
        if (portals.isEmpty()) {
            return;
        }
        List<PortalHandle> all = new ArrayList<>(portals.values());
        portals.clear();
        for (PortalHandle p : all) {
            p.close();
        }
    }

    void closeAll() {
        closeAllPortals();
        List<PreparedStatementHandle> all = new ArrayList<>(statements.values());
        statements.clear();
        for (PreparedStatementHandle s : all) {
            s.close();
        }
    }
}
