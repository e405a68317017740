package io.pgsight.sql.engine;

import io.pgsight.sql.ast.Command;
import io.pgsight.sql.ast.QualifiedName;
import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.CatalogChange;
import io.pgsight.sql.catalog.SearchPath;
import io.pgsight.sql.catalog.Sequence;
import io.pgsight.sql.catalog.Table;
import io.pgsight.sql.txn.TopTransaction;

import java.util.ArrayList;
import java.util.List;

/**
 * One session's DDL in its open transaction, as PostgreSQL makes it transactional: each statement's
 * {@link CatalogChange} with the savepoint depth it ran at, taken back (latest first) when the
 * transaction, its savepoint or a PL/pgSQL exception block rolls back; and the relation names it
 * claimed, which other transactions wait on until this one ends (see {@link io.pgsight.sql.catalog.RelationClaims}).
 * The durable log gets the statements only at commit ({@link DurableWrites}).
 */
final class DdlInTransaction {
    private record Done(int depth, CatalogChange change) {
    }

    private record Name(String schema, String name) {
    }

    private final SessionImpl session;
    private final List<Done> done = new ArrayList<>();
    private final List<Name> claimed = new ArrayList<>();

    DdlInTransaction(SessionImpl session) {
        this.session = session;
    }

    /**
     * Before a DDL statement runs (outside the DDL lock, so waiting is safe): claims the relations it names,
     * waiting while another transaction holds them.
     */
    void claimTargets(Command cmd) {
        TopTransaction top = session.top();
        if (top == null) {
            return;
        }
        Catalog c = session.catalog();
        SearchPath path = SearchPath.of(session.settings());
        for (QualifiedName n : targets(cmd)) {
            Table t = c.relation(n.schema(), n.name(), path); // waits while another transaction holds the name
            if (t != null) {
                claim(c, t.schema(), t.name(), top);
                continue;
            }
            Sequence s = c.sequence(n.schema(), n.name(), path);
            if (s != null) {
                claim(c, s.schema(), s.name(), top);
            }
        }
    }

    private static List<QualifiedName> targets(Command cmd) {
        if (cmd instanceof Command.Drop d) {
            return switch (d.kind()) {
                case TABLE, VIEW, SEQUENCE -> d.names();
                default -> List.of();
            };
        }
        if (cmd instanceof Command.AlterTable a) {
            return List.of(a.table());
        }
        if (cmd instanceof Command.Truncate t) {
            return t.tables();
        }
        if (cmd instanceof Command.CreateIndex ci) {
            return List.of(ci.table());
        }
        return List.of();
    }

    private void claim(Catalog c, String schema, String name, TopTransaction top) {
        c.claims().claim(schema, name, top);
        claimed.add(new Name(schema, name));
    }

    /**
     * Another open transaction holding a relation this change touched without naming it (a cascade, a
     * schema's members), or null. The statement is then taken back and run again once that one ended.
     */
    TopTransaction conflict(CatalogChange change) {
        Catalog c = session.catalog();
        TopTransaction top = session.top();
        for (Table t : change.tables()) {
            TopTransaction h = c.claims().heldByOther(t.schema(), t.name(), top);
            if (h != null) {
                return h;
            }
        }
        for (Sequence s : change.sequences()) {
            TopTransaction h = c.claims().heldByOther(s.schema(), s.name(), top);
            if (h != null) {
                return h;
            }
        }
        return null;
    }

    /** After a DDL statement (inside the DDL lock): keeps its change and claims every relation name it touched. */
    void recorded(CatalogChange change) {
        if (change.isEmpty()) {
            return;
        }
        done.add(new Done(session.savepointDepth(), change));
        TopTransaction top = session.top();
        Catalog c = session.catalog();
        for (Table t : change.tables()) {
            if (c.claims().tryClaim(t.schema(), t.name(), top)) {
                claimed.add(new Name(t.schema(), t.name()));
            }
        }
        for (Sequence s : change.sequences()) {
            if (c.claims().tryClaim(s.schema(), s.name(), top)) {
                claimed.add(new Name(s.schema(), s.name()));
            }
        }
        for (String schema : change.schemas()) {
            if (c.claims().tryClaim(schema, "", top)) { // see Catalog.awaitSchema
                claimed.add(new Name(schema, ""));
            }
        }
    }

    /** Takes back the DDL done at savepoint depth {@code depth} or deeper, latest first. */
    void undo(int depth) {
        if (!done.isEmpty()) {
            Catalog c = session.catalog();
            c.ddlLock().lock(); // no other statement compares the catalog before and after while it moves back
            try {
                for (int i = done.size() - 1; i >= 0; i--) {
                    if (done.get(i).depth() >= depth) {
                        done.remove(i).change().undo();
                    }
                }
            } finally {
                c.ddlLock().unlock();
            }
        }
        // after the catalog is back (a checkpoint may copy it from then on); statements that changed
        // nothing (IF NOT EXISTS ...) were kept for the log too
        session.durable().discardDdl(depth);
    }

    /** A released savepoint's DDL now belongs to the level around it. */
    void release(int depth) {
        for (int i = 0; i < done.size(); i++) {
            Done d = done.get(i);
            if (d.depth() > depth) {
                done.set(i, new Done(depth, d.change()));
            }
        }
        session.durable().releaseDdl(depth);
    }

    void committed() {
        done.clear();
    }

    /** At the end of the transaction, after it committed or was taken back. */
    void releaseClaims(TopTransaction top) {
        Catalog c = session.catalog();
        for (Name n : claimed) {
            c.claims().release(n.schema(), n.name(), top);
        }
        claimed.clear();
        done.clear();
    }
}
