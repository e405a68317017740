package io.pgsight.sql.exec;

import io.pgsight.sql.analyze.TExpr;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.catalog.Column;
import io.pgsight.sql.catalog.Constraint;
import io.pgsight.sql.catalog.EqualityIndex;
import io.pgsight.sql.catalog.IndexEntry;
import io.pgsight.sql.catalog.Table;
import io.pgsight.sql.storage.RowVersion;
import io.pgsight.sql.txn.TopTransaction;
import io.pgsight.sql.txn.TxnState;
import io.pgsight.sql.txn.Xid;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes rows of one table for one statement: checks NOT NULL, CHECK, unique and foreign keys with
 * PostgreSQL's messages, maintains indexes, and takes row write locks (waiting for a concurrent
 * writer of the same row to finish, as PostgreSQL does).
 */
public final class TableWriter {
    private final Table table;
    private final ExecContext ctx;

    public TableWriter(Table table, ExecContext ctx) {
        this.table = table;
        this.ctx = ctx;
    }

    /** Checks and stores a full row (one value per column slot); returns the new version. */
    public RowVersion insert(Object[] row) {
        checkRow(row);
        Xid xid = ctx.writeXid();
        RowVersion v;
        table.beginRowWrite();
        try {
            v = table.storage().insert(row, xid, ctx.commandId());
            ctx.session().rowInserted(table, v);
            // on failure the version stays but its xid will be aborted with the statement's transaction
            addToIndexes(v, row);
        } finally {
            table.endRowWrite();
        }
        checkForeignKeys(row);
        return v;
    }

    private void checkRow(Object[] row) {
        for (Column c : table.columns()) {
            if (!c.dropped() && c.notNull() && row[c.attnum() - 1] == null) {
                throw new SqlException("23502", "null value in column \"" + c.name() + "\" of relation \""
                        + table.name() + "\" violates not-null constraint").withDetail("Failing row contains "
                        + describe(row) + ".").withObjectNames(new SqlException.ObjectNames(table.schema(),
                        table.name(), c.name(), null, null));
            }
        }
        EvalContext ec = new EvalContext(ctx, row, null);
        for (Constraint c : table.constraints()) {
            if (c instanceof Constraint.Check ch && ch.expr() != null) {
                Object r = ch.expr().eval(ec);
                if (Boolean.FALSE.equals(r)) {
                    throw new SqlException("23514", "new row for relation \"" + table.name()
                            + "\" violates check constraint \"" + c.name() + "\"")
                            .withDetail("Failing row contains " + describe(row) + ".")
                            .withObjectNames(new SqlException.ObjectNames(table.schema(), table.name(), null, null,
                                    c.name()));
                }
            }
        }
    }

    /** "(7, 1, Nothing, 0, null, null)" as in Failing row details. */
    public String describe(Object[] row) {
        List<String> parts = new ArrayList<>();
        for (Column c : table.columns()) {
            if (c.dropped()) {
                continue;
            }
            Object v = row[c.attnum() - 1];
            parts.add(v == null ? "null" : c.type().output(v, ctx));
        }
        return "(" + String.join(", ", parts) + ")";
    }

    public Object indexKey(IndexEntry idx, Object[] row) {
        if (idx.keyColumns().size() == 1) {
            return keyPart(idx, 0, row);
        }
        List<Object> k = new ArrayList<>();
        for (int i = 0; i < idx.keyColumns().size(); i++) {
            Object p = keyPart(idx, i, row);
            if (p == null) {
                return null;
            }
            k.add(p);
        }
        return k;
    }

    private Object keyPart(IndexEntry idx, int i, Object[] row) {
        int att = idx.keyColumns().get(i);
        if (att > 0) {
            return row[att - 1];
        }
        TExpr e = idx.expressions().get(i);
        return e.eval(new EvalContext(ctx, row, null));
    }

    private void addToIndexes(RowVersion v, Object[] row) {
        for (IndexEntry idx : table.indexes()) {
            Object key = indexKey(idx, row);
            if (idx.unique() && key != null && idx.instance() instanceof EqualityIndex eq) {
                insertUnique(eq, idx, v, key, row);
            } else {
                idx.instance().insert(v.rowId(), key, ctx);
            }
        }
    }

    private void insertUnique(EqualityIndex eq, IndexEntry idx, RowVersion mine, Object key, Object[] row) {
        TopTransaction me = ctx.writeXid().top();
        while (true) {
            TopTransaction[] waitFor = {null};
            boolean added = eq.insertIf(mine.rowId(), key, ids -> {
                for (long id : ids) {
                    RowVersion o = table.storage().get(id);
                    if (o == null || o == mine) {
                        continue;
                    }
                    Liveness l = liveness(o, me);
                    if (l == Liveness.LIVE) {
                        throw duplicate(idx, row);
                    }
                    if (l == Liveness.WAIT) {
                        waitFor[0] = o.xmax() != null && o.xmax().state() == TxnState.IN_PROGRESS
                                && o.xmax().top() != me ? o.xmax().top() : o.xmin().top();
                        return false;
                    }
                }
                return true;
            });
            if (added) {
                return;
            }
            ctx.session().transactions().waitFor(me, waitFor[0], ctx::checkCancelled);
        }
    }

    enum Liveness { LIVE, DEAD, WAIT }

    /** Whether a version still holds its key, from the point of view of a writer in {@code me}. */
    static Liveness liveness(RowVersion o, TopTransaction me) {
        Xid xmin = o.xmin();
        TxnState s = xmin.state();
        if (s == TxnState.ABORTED) {
            return Liveness.DEAD;
        }
        if (s == TxnState.IN_PROGRESS && xmin.top() != me) {
            return Liveness.WAIT;
        }
        Xid xmax = o.xmax();
        if (xmax == null || xmax.state() == TxnState.ABORTED) {
            return Liveness.LIVE;
        }
        if (xmax.state() == TxnState.COMMITTED || xmax.top() == me) {
            return Liveness.DEAD;
        }
        return Liveness.WAIT;
    }

    /**
     * The live version holding {@code row}'s key in unique index {@code idx}, waiting for in-progress
     * writers of that key first; null when the key is free (ON CONFLICT's arbiter check).
     */
    public RowVersion conflicting(IndexEntry idx, Object[] row) {
        Object key = indexKey(idx, row);
        if (key == null || !(idx.instance() instanceof EqualityIndex eq)) {
            return null;
        }
        TopTransaction me = ctx.writeXid().top();
        while (true) {
            TopTransaction waitFor = null;
            for (long id : eq.lookup(key)) {
                RowVersion o = table.storage().get(id);
                if (o == null) {
                    continue;
                }
                Liveness l = liveness(o, me);
                if (l == Liveness.LIVE) {
                    return o;
                }
                if (l == Liveness.WAIT) {
                    waitFor = o.xmax() != null && o.xmax().state() == TxnState.IN_PROGRESS && o.xmax().top() != me
                            ? o.xmax().top() : o.xmin().top();
                }
            }
            if (waitFor == null) {
                return null;
            }
            ctx.session().transactions().waitFor(me, waitFor, ctx::checkCancelled);
        }
    }

    private SqlException duplicate(IndexEntry idx, Object[] row) {
        List<String> names = new ArrayList<>();
        List<String> vals = new ArrayList<>();
        for (int i = 0; i < idx.keyColumns().size(); i++) {
            int att = idx.keyColumns().get(i);
            Column c = table.columns().get(att - 1);
            names.add(c.name());
            vals.add(c.type().output(row[att - 1], ctx));
        }
        return new SqlException("23505", "duplicate key value violates unique constraint \"" + idx.name() + "\"")
                .withDetail("Key (" + String.join(", ", names) + ")=(" + String.join(", ", vals) + ") already exists.")
                .withObjectNames(new SqlException.ObjectNames(table.schema(), table.name(), null, null, idx.name()));
    }

    private void checkForeignKeys(Object[] row) {
        for (Constraint c : table.constraints()) {
            if (!(c instanceof Constraint.ForeignKey fk)) {
                continue;
            }
            Object[] key = new Object[fk.columns().size()];
            boolean anyNull = false;
            for (int i = 0; i < key.length; i++) {
                key[i] = row[fk.columns().get(i) - 1];
                anyNull |= key[i] == null;
            }
            if (anyNull) {
                continue;
            }
            Table ref = ctx.catalog().relationByOid(fk.referencedTableOid());
            if (ref == null || !referencedExists(ref, fk.referencedColumns(), key)) {
                List<String> names = new ArrayList<>();
                List<String> vals = new ArrayList<>();
                for (int i = 0; i < key.length; i++) {
                    Column col = table.columns().get(fk.columns().get(i) - 1);
                    names.add(col.name());
                    vals.add(col.type().output(key[i], ctx));
                }
                throw new SqlException("23503", "insert or update on table \"" + table.name()
                        + "\" violates foreign key constraint \"" + fk.name() + "\"")
                        .withDetail("Key (" + String.join(", ", names) + ")=(" + String.join(", ", vals)
                                + ") is not present in table \"" + (ref == null ? "?" : ref.name()) + "\".")
                        .withObjectNames(new SqlException.ObjectNames(table.schema(), table.name(), null, null,
                                fk.name()));
            }
        }
    }

    private boolean referencedExists(Table ref, List<Integer> cols, Object[] key) {
        TopTransaction me = ctx.writeXid().top();
        for (IndexEntry idx : ref.indexes()) {
            if (idx.instance() instanceof EqualityIndex eq && idx.keyColumns().equals(cols)) {
                Object k = cols.size() == 1 ? key[0] : List.of(key);
                Set<Long> ids = eq.lookup(k);
                for (long id : ids) {
                    RowVersion v = ref.storage().get(id);
                    if (v != null && liveness(v, me) == Liveness.LIVE) {
                        return true;
                    }
                }
                return false;
            }
        }
        for (var it = ref.storage().scan(); it.hasNext(); ) {
            RowVersion v = it.next();
            if (liveness(v, me) != Liveness.LIVE) {
                continue;
            }
            boolean eq = true;
            for (int i = 0; i < key.length && eq; i++) {
                eq = ValueOrder.INSTANCE.same(ref.value(v.values(), cols.get(i)), key[i]);
            }
            if (eq) {
                return true;
            }
        }
        return false;
    }

    /**
     * Takes the row's write lock for DELETE/UPDATE. Returns the version to act on: {@code v} itself, or
     * null when a concurrent transaction deleted or updated it and committed (READ COMMITTED skips or
     * re-checks the newest version; the caller decides via {@link RowVersion#successor()}).
     */
    public boolean lock(RowVersion v) {
        Xid mine = ctx.writeXid();
        while (true) {
            Xid cur = v.xmax();
            if (cur == null || cur.state() == TxnState.ABORTED) {
                if (v.claim(cur, mine, ctx.commandId())) {
                    ctx.session().rowDeleted(table, v);
                    return true;
                }
                continue;
            }
            if (cur.top() == mine.top()) {
                return false; // already deleted/updated by this transaction (earlier command)
            }
            if (cur.state() == TxnState.COMMITTED) {
                return false;
            }
            ctx.session().transactions().waitFor(mine.top(), cur.top(), ctx::checkCancelled);
        }
    }

    /** Deletes a locked version: referential checks (RESTRICT / NO ACTION). */
    public void afterDelete(RowVersion v) {
        checkNotReferenced(v.values());
    }

    public void checkNotReferenced(Object[] old) {
        for (Table other : ctx.catalog().relations()) {
            for (Constraint c : other.constraints()) {
                if (!(c instanceof Constraint.ForeignKey fk) || fk.referencedTableOid() != table.oid()) {
                    continue;
                }
                Object[] key = new Object[fk.referencedColumns().size()];
                for (int i = 0; i < key.length; i++) {
                    key[i] = table.value(old, fk.referencedColumns().get(i));
                }
                if (stillReferenced(other, fk, key) && !keyStillPresent(fk.referencedColumns(), key, old)) {
                    List<String> names = new ArrayList<>();
                    List<String> vals = new ArrayList<>();
                    for (int i = 0; i < key.length; i++) {
                        Column col = table.columns().get(fk.referencedColumns().get(i) - 1);
                        names.add(col.name());
                        vals.add(col.type().output(key[i], ctx));
                    }
                    throw new SqlException("23503", "update or delete on table \"" + table.name()
                            + "\" violates foreign key constraint \"" + fk.name() + "\" on table \"" + other.name() + "\"")
                            .withDetail("Key (" + String.join(", ", names) + ")=(" + String.join(", ", vals)
                                    + ") is still referenced from table \"" + other.name() + "\".")
                            .withObjectNames(new SqlException.ObjectNames(other.schema(), other.name(), null, null,
                                    fk.name()));
                }
            }
        }
    }

    private boolean keyStillPresent(List<Integer> cols, Object[] key, Object[] old) {
        return false;
    }

    private boolean stillReferenced(Table other, Constraint.ForeignKey fk, Object[] key) {
        TopTransaction me = ctx.writeXid().top();
        for (var it = other.storage().scan(); it.hasNext(); ) {
            RowVersion v = it.next();
            if (liveness(v, me) != Liveness.LIVE) {
                continue;
            }
            boolean eq = true;
            for (int i = 0; i < key.length && eq; i++) {
                eq = ValueOrder.INSTANCE.same(other.value(v.values(), fk.columns().get(i)), key[i]);
            }
            if (eq) {
                return true;
            }
        }
        return false;
    }

    /** UPDATE: stores the new version after the old one was locked; links the chain. */
    public RowVersion update(RowVersion old, Object[] row) {
        RowVersion n = insert(row);
        old.setSuccessor(n);
        boolean keyChanged = false;
        for (Column c : table.columns()) {
            if (!c.dropped() && !ValueOrder.INSTANCE.same(table.value(old.values(), c.attnum()), row[c.attnum() - 1])) {
                keyChanged = true;
            }
        }
        if (keyChanged) {
            checkReferencedKeysKept(old.values(), row);
        }
        return n;
    }

    private void checkReferencedKeysKept(Object[] old, Object[] row) {
        for (Table other : ctx.catalog().relations()) {
            for (Constraint c : other.constraints()) {
                if (c instanceof Constraint.ForeignKey fk && fk.referencedTableOid() == table.oid()) {
                    boolean same = true;
                    for (int col : fk.referencedColumns()) {
                        same &= ValueOrder.INSTANCE.same(table.value(old, col), row[col - 1]);
                    }
                    if (!same) {
                        checkNotReferenced(old);
                        return;
                    }
                }
            }
        }
    }
}
