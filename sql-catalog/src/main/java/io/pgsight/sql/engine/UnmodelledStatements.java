package io.pgsight.sql.engine;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.ast.Command;

import java.util.Locale;
import java.util.Map;

/**
 * Statements the parser recognises but the engine does not model. Most are accepted as no-ops with
 * their command tag (GRANT, CREATE ROLE, ALTER ... OWNER: setup scripts run, nothing a query sees
 * depends on them). Those whose no-op would silently change what later statements do — a trigger
 * or rule that never fires — are refused with 0A000 instead, so a script stops where pgsight
 * differs rather than leaving different data behind.
 */
final class UnmodelledStatements {
    private static final Map<String, String> REFUSED = Map.of(
            "CREATE TRIGGER", "pgsight runs no triggers; compute the column in the INSERT or UPDATE itself.",
            "CREATE CONSTRAINT TRIGGER", "pgsight runs no triggers.",
            "CREATE EVENT TRIGGER", "pgsight runs no event triggers.",
            "CREATE RULE", "pgsight applies no rewrite rules.");

    private UnmodelledStatements() {
    }

    /** The command tag of an accepted no-op; throws 0A000 for a refused one. */
    static String run(Command.AlterOther statement) {
        String what = statement.what().toUpperCase(Locale.ROOT);
        String hint = REFUSED.get(what);
        if (hint != null) {
            throw new SqlException("0A000", what + " is not supported").withHint(hint);
        }
        return what;
    }
}
