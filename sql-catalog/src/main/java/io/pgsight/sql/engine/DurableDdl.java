package io.pgsight.sql.engine;

import io.pgsight.sql.ast.Command;
import io.pgsight.sql.ast.Persistence;
import io.pgsight.sql.persist.WalRecord;

/** Which DDL goes to the durable log, and with what context it must be replayed. */
final class DurableDdl {
    private DurableDdl() {
    }

    /** The log record for {@code cmd}, or null when it creates something temporary (gone at restart anyway). */
    static WalRecord.Ddl record(SessionImpl session, Command cmd, String text) {
        if (session.durable() == null || !session.durable().enabled() || temporary(cmd)) {
            return null;
        }
        return new WalRecord.Ddl(session.databaseName(), session.user(), session.settings().get("search_path"), text,
                cmd instanceof Command.CreateTableAs);
    }

    private static boolean temporary(Command cmd) {
        Persistence p = null;
        if (cmd instanceof Command.CreateTable c) {
            p = c.persistence();
        } else if (cmd instanceof Command.CreateTableAs c) {
            p = c.persistence();
        } else if (cmd instanceof Command.CreateSequence c) {
            p = c.persistence();
        } else if (cmd instanceof Command.CreateView c) {
            p = c.persistence();
        }
        return p == Persistence.TEMPORARY;
    }
}
