package io.pgsight.sql.engine;

import io.pgsight.sql.analyze.ExprAnalyzer;
import io.pgsight.sql.analyze.Scope;
import io.pgsight.sql.analyze.TExpr;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.ast.AlterTableAction;
import io.pgsight.sql.ast.Expr;
import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.Column;
import io.pgsight.sql.catalog.Constraint;
import io.pgsight.sql.catalog.IndexEntry;
import io.pgsight.sql.catalog.Table;
import io.pgsight.sql.exec.EvalContext;
import io.pgsight.sql.exec.ExecContext;
import io.pgsight.sql.plan.Nodes;
import io.pgsight.sql.spi.PgType;
import io.pgsight.sql.storage.InMemoryTableStorage;
import io.pgsight.sql.storage.RowVersion;
import io.pgsight.sql.txn.TxnState;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * ALTER TABLE ... ALTER COLUMN ... TYPE: as PostgreSQL rewrites the table, a new table object (same OID and
 * name) takes the old one's place with every row version converted under its old row id and MVCC stamps,
 * and with its indexes built anew. The old object keeps the old rows, so a rollback only puts it back.
 * The session's own inserts and deletes in this transaction are re-registered on the new versions for the
 * durable log (which replays the statement itself over the committed rows, keeping their row ids).
 */
final class ColumnTypeChange {
    private ColumnTypeChange() {
    }

    /** The table after the change; {@code rebuild} makes an index of the new table from the old entry. */
    static Table apply(Table t, AlterTableAction.AlterColumnType act, ExprAnalyzer ex, Catalog catalog, ExecContext ctx,
                       SessionImpl session, BiFunction<Table, IndexEntry, IndexEntry> rebuild) {
        Column c = t.column(act.column().name());
        if (c == null) {
            throw new SqlException("42703", "column \"" + act.column().name() + "\" of relation \"" + t.name()
                    + "\" does not exist");
        }
        for (Constraint k : t.constraints()) {
            if (k instanceof Constraint.Check || (k instanceof Constraint.ForeignKey && k.columns().contains(c.attnum()))) {
                throw new SqlException("0A000", "ALTER COLUMN TYPE is not supported yet on a table with a CHECK or "
                        + "FOREIGN KEY constraint on the column");
            }
        }
        for (IndexEntry i : t.indexes()) {
            if (i.keyColumns().contains(0) || (!i.isEqualityIndex() && i.keyColumns().contains(c.attnum()))) {
                throw new SqlException("0A000", "ALTER COLUMN TYPE is not supported yet on a column with a \""
                        + i.accessMethod() + "\" index");
            }
        }
        PgType type = ex.resolveType(act.type());
        int typmod = ex.resolveTypmod(act.type(), type);
        TExpr convert = conversion(t, c, act, type, typmod, ex, catalog);
        TExpr def = null;
        if (c.defaultExpr() != null) {
            try {
                def = ex.assign(c.defaultExpr(), type, typmod, c.name(), act.location());
            } catch (SqlException e) {
                if (!"42804".equals(e.sqlState())) {
                    throw e;
                }
                throw new SqlException("42804", "default for column \"" + c.name() + "\" cannot be cast automatically to type "
                        + catalog.formatType(type));
            }
        }
        Column changed = new Column(c.name(), c.attnum(), type, typmod, c.notNull(), def == null ? null : c.defaultSql(),
                false, null, def);
        List<Column> cols = new ArrayList<>(t.columns());
        cols.set(c.attnum() - 1, changed);
        Table n = new Table(t.oid(), t.schema(), t.name(), t.kind(), new InMemoryTableStorage(), t.viewSql(),
                new Table.Shape(cols, t.constraints(), List.of()));
        copyRows(t, n, c.attnum(), convert, ctx, session);
        List<IndexEntry> indexes = new ArrayList<>();
        for (IndexEntry i : t.indexes()) {
            indexes.add(rebuild.apply(n, i).withOid(i.oid()));
        }
        n.setShape(new Table.Shape(cols, t.constraints(), indexes));
        return n;
    }

    /** The old value made a value of the new type: the USING expression or the column itself, by assignment. */
    private static TExpr conversion(Table t, Column c, AlterTableAction.AlterColumnType act, PgType type, int typmod,
                                    ExprAnalyzer ex, Catalog catalog) {
        Scope scope = DmlCommands.tableScope(t, null);
        String shown = catalog.formatType(type);
        String withTypmod = catalog.formatType(type, typmod);
        if (act.using() != null) {
            TExpr e = ex.analyze(act.using(), scope);
            try {
                return ex.assign(e, type, typmod, c.name(), act.location());
            } catch (SqlException x) {
                if (!"42804".equals(x.sqlState())) {
                    throw x; // a constant that does not convert, say: its own error
                }
                throw new SqlException("42804", "result of USING clause for column \"" + c.name()
                        + "\" cannot be cast automatically to type " + shown).withHint("You might need to add an explicit cast.");
            }
        }
        TExpr column = ex.analyze(new Expr.ColumnRef(List.of(c.name()), false, act.location()), scope);
        try {
            return ex.assign(column, type, typmod, c.name(), act.location());
        } catch (SqlException x) {
            if (!"42804".equals(x.sqlState())) {
                throw x;
            }
            throw new SqlException("42804", "column \"" + c.name() + "\" cannot be cast automatically to type " + shown)
                    .withHint("You might need to specify \"USING " + io.pgsight.sql.pgcatalog.ObjectNames.quoteIdent(c.name())
                            + "::" + withTypmod + "\".");
        }
    }

    /**
     * Every version not aborted, converted, under its row id and stamps; versions this statement's snapshot
     * cannot see are converted too (another transaction may commit them) and keep null where that fails.
     */
    private static void copyRows(Table from, Table to, int attnum, TExpr convert, ExecContext ctx, SessionImpl session) {
        int width = from.columns().size();
        Map<RowVersion, RowVersion> copies = new IdentityHashMap<>();
        for (Iterator<RowVersion> it = from.storage().scan(); it.hasNext(); ) {
            RowVersion v = it.next();
            if (v.xmin().state() == TxnState.ABORTED) {
                continue;
            }
            Object[] row = Nodes.materialize(from, v, width);
            Object value;
            if (v.visibleTo(ctx.snapshot())) {
                value = convert.eval(new EvalContext(ctx, row, null));
            } else {
                try {
                    value = convert.eval(new EvalContext(ctx, row, null));
                } catch (RuntimeException e) {
                    value = null;
                }
            }
            row[attnum - 1] = value;
            RowVersion copy = to.storage().restore(v.rowId(), row, v.xmin());
            if (v.xmax() != null) {
                copy.claim(null, v.xmax(), v.cmax());
            }
            copies.put(v, copy);
            ctx.checkCancelled();
        }
        for (Map.Entry<RowVersion, RowVersion> e : copies.entrySet()) {
            RowVersion next = e.getKey().successor();
            if (next != null) {
                e.getValue().setSuccessor(copies.get(next));
            }
            RowVersion copy = e.getValue();
            // this transaction's own row changes now live in the new versions: log those
            if (ctx.snapshot().isOwn(copy.xmin()) && copy.xmin().state() != TxnState.ABORTED) {
                session.rowInserted(to, copy);
            }
            if (copy.xmax() != null && ctx.snapshot().isOwn(copy.xmax())) {
                session.rowDeleted(to, copy);
            }
        }
    }
}
