package io.pgsight.sql.engine;

import io.pgsight.sql.analyze.ExprAnalyzer;
import io.pgsight.sql.analyze.Scope;
import io.pgsight.sql.analyze.TExpr;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.api.StatementSink;
import io.pgsight.sql.ast.AlterTableAction;
import io.pgsight.sql.ast.Command;
import io.pgsight.sql.ast.Constraint.ConstraintKind;
import io.pgsight.sql.ast.Expr;
import io.pgsight.sql.ast.FunctionParam;
import io.pgsight.sql.ast.Identifier;
import io.pgsight.sql.ast.IndexElem;
import io.pgsight.sql.ast.Option;
import io.pgsight.sql.ast.QualifiedName;
import io.pgsight.sql.ast.TableElement;
import io.pgsight.sql.ast.TypeName;
import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.CatalogRegistrar;
import io.pgsight.sql.catalog.Column;
import io.pgsight.sql.catalog.Constraint;
import io.pgsight.sql.catalog.EqualityIndex;
import io.pgsight.sql.catalog.ExtensionEntry;
import io.pgsight.sql.catalog.FunctionBody;
import io.pgsight.sql.catalog.FunctionEntry;
import io.pgsight.sql.catalog.IndexEntry;
import io.pgsight.sql.catalog.OperatorClassEntry;
import io.pgsight.sql.catalog.Sequence;
import io.pgsight.sql.catalog.Table;
import io.pgsight.sql.exec.EvalContext;
import io.pgsight.sql.exec.ExecContext;
import io.pgsight.sql.exec.PlanNode;
import io.pgsight.sql.exec.TableWriter;
import io.pgsight.sql.plan.Nodes;
import io.pgsight.sql.plan.QueryPlanner;
import io.pgsight.sql.spi.AccessMethodDef;
import io.pgsight.sql.spi.Extension;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.IndexAccessMethod;
import io.pgsight.sql.spi.IndexBuildContext;
import io.pgsight.sql.spi.IndexInstance;
import io.pgsight.sql.spi.OperatorClassDef;
import io.pgsight.sql.spi.PgType;
import io.pgsight.sql.spi.Volatility;
import io.pgsight.sql.storage.InMemoryTableStorage;
import io.pgsight.sql.storage.RowVersion;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CREATE/ALTER/DROP of tables, indexes, sequences, views, functions, schemas, extensions, databases. */
final class DdlCommands {
    private final CommandRunner runner;
    private final SessionImpl session;
    private final Catalog catalog;

    DdlCommands(CommandRunner runner) {
        this.runner = runner;
        this.session = runner.session();
        this.catalog = session.catalog();
    }

    void run(Command cmd, StatementSink sink, String text) {
        catalog.ddlLock().lock();
        try {
            dispatch(cmd, sink, text);
        } finally {
            catalog.ddlLock().unlock();
        }
    }

    private void dispatch(Command cmd, StatementSink sink, String text) {
        if (cmd instanceof Command.CreateTable c) {
            createTable(c, sink);
        } else if (cmd instanceof Command.CreateTableAs c) {
            createTableAs(c, sink);
        } else if (cmd instanceof Command.AlterTable a) {
            alterTable(a);
            sink.complete(a.kind() == Command.ObjectKind.INDEX ? "ALTER INDEX" : a.kind() == Command.ObjectKind.SEQUENCE
                    ? "ALTER SEQUENCE" : a.kind() == Command.ObjectKind.VIEW ? "ALTER VIEW" : "ALTER TABLE");
        } else if (cmd instanceof Command.Drop d) {
            drop(d, sink);
        } else if (cmd instanceof Command.DropFunction d) {
            dropFunction(d);
            sink.complete(d.kind() == Command.ObjectKind.PROCEDURE ? "DROP PROCEDURE" : "DROP FUNCTION");
        } else if (cmd instanceof Command.Truncate t) {
            truncate(t);
            sink.complete("TRUNCATE TABLE");
        } else if (cmd instanceof Command.CreateIndex c) {
            createIndex(c);
            sink.complete("CREATE INDEX");
        } else if (cmd instanceof Command.CreateExtension c) {
            createExtension(c);
            sink.complete("CREATE EXTENSION");
        } else if (cmd instanceof Command.CreateDatabase c) {
            if (session.inBlock()) {
                throw new SqlException("25001", "CREATE DATABASE cannot run inside a transaction block");
            }
            session.engine().createDatabase(c.name());
            sink.complete("CREATE DATABASE");
        } else if (cmd instanceof Command.CreateSchema c) {
            String n = c.name() != null ? c.name() : c.authorization();
            catalog.awaitSchema(n);
            if (catalog.schemaExists(n)) {
                if (c.ifNotExists()) {
                    session.notice(io.pgsight.sql.api.SqlException.notice("schema \"" + n + "\" already exists, skipping"));
                } else {
                    throw new SqlException("42P06", "schema \"" + n + "\" already exists");
                }
            } else {
                catalog.addSchema(n);
            }
            sink.complete("CREATE SCHEMA");
        } else if (cmd instanceof Command.CreateFunction f) {
            createFunction(f, text);
            sink.complete(f.procedure() ? "CREATE PROCEDURE" : "CREATE FUNCTION");
        } else if (cmd instanceof Command.CreateSequence s) {
            createSequence(s);
            sink.complete("CREATE SEQUENCE");
        } else if (cmd instanceof Command.CreateView v) {
            createView(v, text);
            sink.complete("CREATE VIEW");
        } else if (cmd instanceof Command.CommentOn c) {
            if ((c.kind() == Command.ObjectKind.FUNCTION || c.kind() == Command.ObjectKind.PROCEDURE)
                    && c.functionParams() != null) {
                // by OID: overloads have their own comments
                catalog.setComment("function:" + commentedFunction(c).oid(), c.comment());
            } else {
                catalog.setComment(c.kind() + ":" + c.name().dotted(), c.comment());
            }
            sink.complete("COMMENT");
        } else {
            throw new SqlException("0A000", "statement is not supported yet").withPosition(cmd.location());
        }
    }

    private io.pgsight.sql.catalog.SearchPath searchPath() {
        return io.pgsight.sql.catalog.SearchPath.of(session.settings());
    }

    private String schemaOf(QualifiedName n) {
        String s;
        try {
            s = n.schema() == null ? searchPath().creationSchema(catalog) : n.schema();
        } catch (SqlException e) {
            throw e.withPosition(n.location());
        }
        catalog.awaitSchema(s);
        if (!catalog.schemaExists(s)) {
            throw new SqlException("3F000", "schema \"" + s + "\" does not exist").withPosition(n.location());
        }
        return s;
    }

    private ExprAnalyzer analyzer() {
        return runner.planner(List.of()).analyzer();
    }

    // ------------------------------------------------------------------ CREATE TABLE

    private void createTable(Command.CreateTable c, StatementSink sink) {
        String schema = schemaOf(c.name());
        String name = c.name().name();
        if (catalog.relationNameTaken(schema, name)) {
            if (c.ifNotExists()) {
                session.notice(SqlException.notice("relation \"" + name + "\" already exists, skipping"));
                sink.complete("CREATE TABLE");
                return;
            }
            throw new SqlException("42P07", "relation \"" + name + "\" already exists");
        }
        ExprAnalyzer ex = analyzer();
        List<Column> cols = new ArrayList<>();
        List<Constraint> constraints = new ArrayList<>();
        List<Sequence> sequences = new ArrayList<>();
        List<Runnable> later = new ArrayList<>();
        List<io.pgsight.sql.ast.Constraint> tableConstraints = new ArrayList<>();
        Table[] holder = new Table[1];
        for (TableElement el : c.elements()) {
            if (el instanceof TableElement.ColumnDef cd) {
                for (Column existing : cols) {
                    if (existing.name().equals(cd.name())) {
                        throw new SqlException("42701", "column \"" + cd.name() + "\" specified more than once");
                    }
                }
                int attnum = cols.size() + 1;
                Column col = columnFrom(cd, attnum, name, schema, ex, sequences);
                cols.add(col);
                for (io.pgsight.sql.ast.Constraint k : cd.constraints()) {
                    if (k.kind() == ConstraintKind.PRIMARY_KEY || k.kind() == ConstraintKind.UNIQUE
                            || k.kind() == ConstraintKind.CHECK || k.kind() == ConstraintKind.FOREIGN_KEY) {
                        tableConstraints.add(new io.pgsight.sql.ast.Constraint(k.name(), k.kind(),
                                List.of(new Identifier(cd.name(), k.location())), k.expr(), k.refTable(), k.refColumns(),
                                k.onDelete(), k.onUpdate(), k.matchFull(), k.deferrable(), k.initiallyDeferred(),
                                k.noInherit(), k.identityAlways(), k.options(), k.nullsNotDistinct(), k.location()));
                    }
                }
            } else if (el instanceof TableElement.TableConstraint tc) {
                tableConstraints.add(tc.constraint());
            } else {
                throw new SqlException("0A000", "CREATE TABLE ... LIKE is not supported yet").withPosition(el.location());
            }
        }
        Table t = new Table(catalog.newOid(), schema, name, Table.Kind.TABLE, new InMemoryTableStorage(), null,
                new Table.Shape(cols, constraints, List.of()));
        for (Sequence s : sequences) {
            catalog.putSequence(s);
        }
        catalog.putRelation(t);
        try {
            for (io.pgsight.sql.ast.Constraint k : tableConstraints) {
                addConstraint(t, k, ex);
            }
        } catch (RuntimeException e) {
            catalog.removeRelation(t);
            for (Sequence s : sequences) {
                catalog.removeSequence(s);
            }
            throw e;
        }
        sink.complete("CREATE TABLE");
    }

    private Column columnFrom(TableElement.ColumnDef cd, int attnum, String table, String schema, ExprAnalyzer ex,
                              List<Sequence> sequences) {
        TypeName tn = cd.type();
        String tname = tn.name();
        boolean serial = !tn.isArray() && (tname.equals("serial") || tname.equals("bigserial") || tname.equals("smallserial")
                || tname.equals("serial4") || tname.equals("serial8") || tname.equals("serial2"));
        PgType type = ex.resolveType(serial ? TypeName.simple(tname.startsWith("big") || tname.equals("serial8") ? "int8"
                : tname.startsWith("small") || tname.equals("serial2") ? "int2" : "int4", tn.location()) : tn);
        int typmod = ex.resolveTypmod(tn, type);
        boolean notNull = false;
        TExpr def = null;
        String defSql = null;
        for (io.pgsight.sql.ast.Constraint k : cd.constraints()) {
            switch (k.kind()) {
                case NOT_NULL, PRIMARY_KEY -> notNull = true;
                case DEFAULT -> {
                    TExpr written = ex.analyze(k.expr(), new Scope(null));
                    if (written instanceof TExpr.Const c && c.value() == null) {
                        break; // DEFAULT NULL: PostgreSQL keeps no default at all
                    }
                    def = ex.assign(written, type, typmod, cd.name(), k.expr().location());
                    defSql = DefaultText.of(written, def);
                }
                case IDENTITY -> {
                    notNull = true;
                    serial = true;
                }
                default -> {
                }
            }
        }
        if (serial) {
            String seqName = catalog.chooseRelationName(schema, Catalog.objectName(table, cd.name(), "seq"));
            for (Sequence s : sequences) {
                if (s.name().equals(seqName)) {
                    seqName = seqName + "1";
                }
            }
            long max = type.oid() == 20 ? Long.MAX_VALUE : type.oid() == 21 ? Short.MAX_VALUE : Integer.MAX_VALUE;
            sequences.add(new Sequence(catalog.newOid(), schema, seqName, type.name(), 1, 1, 1, max, false));
            // bound to this schema's sequence whatever the search path is when a row is inserted
            def = nextvalCall(io.pgsight.sql.pgcatalog.ObjectNames.quoteIdent(schema) + "."
                    + io.pgsight.sql.pgcatalog.ObjectNames.quoteIdent(seqName), type, ex);
            defSql = "nextval('" + seqName + "'::regclass)";
            notNull = true;
        }
        return new Column(cd.name(), attnum, type, typmod, notNull, defSql, false, null, def);
    }

    private TExpr nextvalCall(String seq, PgType type, ExprAnalyzer ex) {
        FunctionEntry nextval = null;
        for (FunctionEntry f : catalog.functions("nextval")) {
            if (f.argumentTypes().size() == 1 && f.argumentTypes().get(0).oid() == 25) {
                nextval = f;
            }
        }
        if (nextval == null) {
            throw new SqlException("42883", "function nextval(text) does not exist");
        }
        TExpr call = new TExpr.Call(nextval, List.of(new TExpr.Const(seq, catalog.typeByOid(25), -1, 0)),
                catalog.typeByOid(20), -1);
        return ex.assign(call, type, -1, "", 0);
    }

    private List<Integer> attnums(Table t, List<Identifier> ids) {
        List<Integer> out = new ArrayList<>();
        for (Identifier id : ids) {
            Column c = t.column(id.name());
            if (c == null) {
                throw new SqlException("42703", "column \"" + id.name() + "\" named in key does not exist")
                        .withPosition(id.location());
            }
            out.add(c.attnum());
        }
        return out;
    }

    private String columnNames(Table t, List<Integer> atts) {
        List<String> n = new ArrayList<>();
        for (int a : atts) {
            n.add(t.columns().get(a - 1).name());
        }
        return String.join("_", n);
    }

    private void addConstraint(Table t, io.pgsight.sql.ast.Constraint k, ExprAnalyzer ex) {
        switch (k.kind()) {
            case PRIMARY_KEY, UNIQUE -> {
                boolean pk = k.kind() == ConstraintKind.PRIMARY_KEY;
                if (pk && t.constraints().stream().anyMatch(x -> x instanceof Constraint.PrimaryKey)) {
                    throw new SqlException("42P16", "multiple primary keys for table \"" + t.name() + "\" are not allowed");
                }
                List<Integer> atts = attnums(t, k.columns());
                String name = k.name() != null ? k.name() : catalog.chooseRelationName(t.schema(),
                        pk ? Catalog.objectName(t.name(), null, "pkey") : Catalog.objectName(t.name(), columnNames(t, atts), "key"));
                if (pk) {
                    List<Column> cols = new ArrayList<>(t.columns());
                    for (int a : atts) {
                        cols.set(a - 1, cols.get(a - 1).withNotNull(true));
                    }
                    checkNoNulls(t, atts);
                    t.setShape(new Table.Shape(cols, t.constraints(), t.indexes()));
                }
                IndexEntry idx = buildEqualityIndex(t, name, atts, true, pk);
                List<Constraint> cs = new ArrayList<>(t.constraints());
                cs.add(pk ? new Constraint.PrimaryKey(name, atts, name) : new Constraint.Unique(name, atts, name));
                List<IndexEntry> is = new ArrayList<>(t.indexes());
                is.add(idx);
                t.setShape(new Table.Shape(t.columns(), cs, is));
            }
            case CHECK -> {
                Scope s = DmlCommands.tableScope(t, null);
                TExpr e = ex.condition(k.expr(), s, "CHECK");
                String first = firstColumn(e, t);
                String name = k.name() != null ? k.name() : catalog.chooseRelationName(t.schema(),
                        Catalog.objectName(t.name(), first, "check"));
                List<Constraint> cs = new ArrayList<>(t.constraints());
                cs.add(new Constraint.Check(name, List.of(), e.sql(), e));
                t.setShape(new Table.Shape(t.columns(), cs, t.indexes()));
            }
            case FOREIGN_KEY -> {
                Table ref = catalog.relation(k.refTable().schema(), k.refTable().name(), searchPath());
                if (ref == null) {
                    throw new SqlException("42P01", "relation \"" + k.refTable().dotted() + "\" does not exist");
                }
                List<Integer> atts = attnums(t, k.columns());
                List<Integer> refAtts;
                if (k.refColumns().isEmpty()) {
                    refAtts = ref.constraints().stream().filter(x -> x instanceof Constraint.PrimaryKey)
                            .map(Constraint::columns).findFirst().orElseThrow(() -> new SqlException("42830",
                                    "there is no primary key for referenced table \"" + ref.name() + "\""));
                } else {
                    refAtts = attnums(ref, k.refColumns());
                    boolean unique = ref.indexes().stream().anyMatch(i -> i.unique() && i.keyColumns().equals(refAtts));
                    if (!unique) {
                        throw new SqlException("42830", "there is no unique constraint matching given keys for referenced table \""
                                + ref.name() + "\"");
                    }
                }
                String name = k.name() != null ? k.name() : catalog.chooseRelationName(t.schema(),
                        Catalog.objectName(t.name(), columnNames(t, atts), "fkey"));
                List<Constraint> cs = new ArrayList<>(t.constraints());
                cs.add(new Constraint.ForeignKey(name, atts, ref.oid(), refAtts,
                        k.onDelete() == null ? null : k.onDelete().name(), k.onUpdate() == null ? null : k.onUpdate().name()));
                t.setShape(new Table.Shape(t.columns(), cs, t.indexes()));
            }
            default -> {
            }
        }
    }

    private void checkNoNulls(Table t, List<Integer> atts) {
        ExecContext ctx = runner.context(null);
        for (Iterator<RowVersion> it = t.storage().scan(); it.hasNext(); ) {
            RowVersion v = it.next();
            if (!v.visibleTo(ctx.snapshot())) {
                continue;
            }
            for (int a : atts) {
                if (t.value(v.values(), a) == null) {
                    throw new SqlException("23502", "column \"" + t.columns().get(a - 1).name() + "\" of relation \""
                            + t.name() + "\" contains null values");
                }
            }
        }
    }

    private static String firstColumn(TExpr e, Table t) {
        String[] first = {null};
        io.pgsight.sql.analyze.ExprRewrite.any(e, x -> {
            if (first[0] == null && x instanceof TExpr.Var v) {
                first[0] = v.name();
            }
            return false;
        });
        return first[0];
    }

    /** Builds a btree/hash index as the engine's equality index over current rows, checking uniqueness. */
    private IndexEntry buildEqualityIndex(Table t, String name, List<Integer> atts, boolean unique, boolean primary) {
        EqualityIndex eq = new EqualityIndex();
        IndexEntry idx = new IndexEntry(catalog.newOid(), name, t.oid(), "btree", atts, nulls(atts.size()), List.of(), unique,
                primary, null, eq);
        ExecContext ctx = runner.context(null);
        TableWriter w = new TableWriter(t, ctx);
        Map<Object, Object[]> seen = new java.util.HashMap<>();
        for (Iterator<RowVersion> it = t.storage().scan(); it.hasNext(); ) {
            RowVersion v = it.next();
            Object[] row = Nodes.materialize(t, v, t.columns().size());
            Object key = w.indexKey(idx, row);
            if (unique && key != null && v.visibleTo(ctx.snapshot())) {
                Object k = io.pgsight.sql.catalog.IndexKey.of(key);
                if (seen.containsKey(k)) {
                    List<String> names = new ArrayList<>();
                    List<String> vals = new ArrayList<>();
                    for (int a : atts) {
                        names.add(t.columns().get(a - 1).name());
                        vals.add(t.columns().get(a - 1).type().output(row[a - 1], ctx));
                    }
                    throw new SqlException("23505", "could not create unique index \"" + name + "\"")
                            .withDetail("Key (" + String.join(", ", names) + ")=(" + String.join(", ", vals) + ") is duplicated.");
                }
                seen.put(k, row);
            }
            eq.insert(v.rowId(), key);
        }
        return idx;
    }

    private static List<TExpr> nulls(int n) {
        List<TExpr> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(null);
        }
        return l;
    }

    // ------------------------------------------------------------------ CTAS, views

    private void createTableAs(Command.CreateTableAs c, StatementSink sink) {
        String schema = schemaOf(c.name());
        String name = c.name().name();
        if (catalog.relationNameTaken(schema, name)) {
            if (c.ifNotExists()) {
                session.notice(SqlException.notice("relation \"" + name + "\" already exists, skipping"));
                sink.complete("CREATE TABLE AS");
                return;
            }
            throw new SqlException("42P07", "relation \"" + name + "\" already exists");
        }
        QueryPlanner qp = runner.planner(List.of());
        PlanNode plan = qp.planQuery(c.query(), null);
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < plan.columns().size(); i++) {
            PlanNode.OutputColumn oc = plan.columns().get(i);
            String n = i < c.columns().size() ? c.columns().get(i).name() : oc.name();
            cols.add(new Column(n, i + 1, oc.type(), oc.typmod(), false, null, false, null, null));
        }
        Table t = new Table(catalog.newOid(), schema, name, Table.Kind.TABLE, new InMemoryTableStorage(), null,
                new Table.Shape(cols, List.of(), List.of()));
        catalog.putRelation(t);
        long n = 0;
        if (c.withData()) {
            ExecContext ctx = runner.context(null);
            TableWriter w = new TableWriter(t, ctx);
            try (PlanNode.RowSource rs = plan.open(new EvalContext(ctx, null, null))) {
                for (Object[] r = rs.next(); r != null; r = rs.next()) {
                    w.insert(r.clone());
                    n++;
                }
            } catch (RuntimeException e) {
                catalog.removeRelation(t);
                throw e;
            }
        }
        sink.complete(c.selectInto() ? "SELECT " + n : "SELECT " + n);
    }

    private void createView(Command.CreateView v, String text) {
        String schema = schemaOf(v.name());
        Table existing = catalog.relation(schema, v.name().name());
        if (existing != null && !(v.orReplace() && existing.kind() == Table.Kind.VIEW)) {
            throw new SqlException("42P07", "relation \"" + v.name().name() + "\" already exists");
        }
        // plan once to validate and to learn the columns
        PlanNode plan = runner.planner(List.of()).planQuery(v.query(), null);
        String body = text.substring(v.query().location() - 1 - 0 >= 0 ? indexOfQuery(text, v) : 0);
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < plan.columns().size(); i++) {
            PlanNode.OutputColumn oc = plan.columns().get(i);
            String n = i < v.columns().size() ? v.columns().get(i).name() : oc.name();
            cols.add(new Column(n, i + 1, oc.type(), oc.typmod(), false, null, false, null, null));
        }
        if (existing != null) {
            catalog.removeRelation(existing);
        }
        catalog.putRelation(new Table(existing != null ? existing.oid() : catalog.newOid(), schema, v.name().name(),
                Table.Kind.VIEW, new InMemoryTableStorage(), body, new Table.Shape(cols, List.of(), List.of())));
    }

    /** Offset of the view's query in the statement text (locations are 1-based code points from the statement start). */
    private static int indexOfQuery(String text, Command.CreateView v) {
        int asPos = text.toUpperCase(java.util.Locale.ROOT).indexOf(" AS ");
        int loc = v.query().location() - v.location();
        if (loc > 0 && loc < text.length()) {
            return text.offsetByCodePoints(0, loc);
        }
        return asPos >= 0 ? asPos + 4 : 0;
    }

    // ------------------------------------------------------------------ ALTER TABLE

    private Table tableFor(QualifiedName n, boolean ifExists) {
        Table t = catalog.relation(n.schema(), n.name(), searchPath());
        if (t == null && !ifExists) {
            throw new SqlException("42P01", "relation \"" + n.dotted() + "\" does not exist");
        }
        return t;
    }

    private void alterTable(Command.AlterTable a) {
        if (a.kind() == Command.ObjectKind.INDEX || a.kind() == Command.ObjectKind.SEQUENCE) {
            return; // renames of indexes/sequences: accepted, not modelled yet
        }
        Table t = tableFor(a.table(), a.ifExists());
        if (t == null) {
            session.notice(SqlException.notice("relation \"" + a.table().dotted() + "\" does not exist, skipping"));
            return;
        }
        ExprAnalyzer ex = analyzer();
        for (AlterTableAction act : a.actions()) {
            if (act instanceof AlterTableAction.AddColumn ac) {
                addColumn(t, ac, ex);
            } else if (act instanceof AlterTableAction.DropColumn dc) {
                Column c = t.column(dc.column().name());
                if (c == null) {
                    if (dc.ifExists()) {
                        session.notice(SqlException.notice("column \"" + dc.column().name() + "\" of relation \""
                                + t.name() + "\" does not exist, skipping"));
                        continue;
                    }
                    throw new SqlException("42703", "column \"" + dc.column().name() + "\" of relation \"" + t.name()
                            + "\" does not exist");
                }
                List<Column> cols = new ArrayList<>(t.columns());
                cols.set(c.attnum() - 1, c.asDropped());
                List<Constraint> cs = new ArrayList<>(t.constraints());
                cs.removeIf(k -> k.columns().contains(c.attnum()));
                List<IndexEntry> is = new ArrayList<>(t.indexes());
                is.removeIf(i -> i.keyColumns().contains(c.attnum()));
                t.setShape(new Table.Shape(cols, cs, is));
            } else if (act instanceof AlterTableAction.AddConstraint ac) {
                addConstraint(t, ac.constraint(), ex);
            } else if (act instanceof AlterTableAction.DropConstraint dc) {
                List<Constraint> cs = new ArrayList<>(t.constraints());
                boolean removed = cs.removeIf(k -> k.name().equals(dc.name().name()));
                if (!removed && !dc.ifExists()) {
                    throw new SqlException("42704", "constraint \"" + dc.name().name() + "\" of relation \"" + t.name()
                            + "\" does not exist");
                }
                List<IndexEntry> is = new ArrayList<>(t.indexes());
                is.removeIf(i -> i.name().equals(dc.name().name()));
                t.setShape(new Table.Shape(t.columns(), cs, is));
            } else if (act instanceof AlterTableAction.AlterColumnDefault d) {
                Column c = requireColumn(t, d.column());
                TExpr e = d.defaultValue() == null ? null
                        : ex.assign(ex.analyze(d.defaultValue(), new Scope(null)), c.type(), c.typmod(), c.name(), d.location());
                replaceColumn(t, c.withDefault(e == null ? null : e.sql(), e));
            } else if (act instanceof AlterTableAction.AlterColumnNullability n) {
                Column c = requireColumn(t, n.column());
                if (n.notNull()) {
                    checkNoNulls(t, List.of(c.attnum()));
                }
                replaceColumn(t, c.withNotNull(n.notNull()));
            } else if (act instanceof AlterTableAction.RenameColumn rc) {
                Column c = requireColumn(t, rc.column());
                if (t.column(rc.newName().name()) != null) {
                    throw new SqlException("42701", "column \"" + rc.newName().name() + "\" of relation \"" + t.name()
                            + "\" already exists");
                }
                replaceColumn(t, new Column(rc.newName().name(), c.attnum(), c.type(), c.typmod(), c.notNull(),
                        c.defaultSql(), false, c.missingValue(), c.defaultExpr()));
            } else if (act instanceof AlterTableAction.AlterColumnType ct) {
                Table n = ColumnTypeChange.apply(t, ct, ex, catalog, runner.context(null), session, this::rebuildIndex);
                catalog.putRelation(n);
                t = n;
            } else if (act instanceof AlterTableAction.RenameTable rt) {
                catalog.removeRelation(t);
                Table n = new Table(t.oid(), t.schema(), rt.newName().name(), t.kind(), t.storage(), t.viewSql(), t.shape());
                catalog.putRelation(n);
                t = n;
            } else if (act instanceof AlterTableAction.OwnerTo || act instanceof AlterTableAction.Other) {
                continue;
            } else {
                throw new SqlException("0A000", "this form of ALTER TABLE is not supported yet").withPosition(act.location());
            }
        }
    }

    private Column requireColumn(Table t, Identifier id) {
        Column c = t.column(id.name());
        if (c == null) {
            throw new SqlException("42703", "column \"" + id.name() + "\" of relation \"" + t.name() + "\" does not exist");
        }
        return c;
    }

    private static void replaceColumn(Table t, Column c) {
        List<Column> cols = new ArrayList<>(t.columns());
        cols.set(c.attnum() - 1, c);
        t.setShape(new Table.Shape(cols, t.constraints(), t.indexes()));
    }

    private void addColumn(Table t, AlterTableAction.AddColumn ac, ExprAnalyzer ex) {
        TableElement.ColumnDef cd = ac.column();
        if (t.column(cd.name()) != null) {
            if (ac.ifNotExists()) {
                session.notice(SqlException.notice("column \"" + cd.name() + "\" of relation \"" + t.name()
                        + "\" already exists, skipping"));
                return;
            }
            throw new SqlException("42701", "column \"" + cd.name() + "\" of relation \"" + t.name() + "\" already exists");
        }
        List<Sequence> seqs = new ArrayList<>();
        Column c = columnFrom(cd, t.columns().size() + 1, t.name(), t.schema(), ex, seqs);
        for (Sequence s : seqs) {
            catalog.putSequence(s);
        }
        Object missing = null;
        if (c.defaultExpr() != null) {
            missing = c.defaultExpr().eval(new EvalContext(runner.context(null), new Object[0], null));
        }
        Column withMissing = new Column(c.name(), c.attnum(), c.type(), c.typmod(), c.notNull(), c.defaultSql(), false,
                missing, c.defaultExpr());
        if (c.notNull() && missing == null && t.storage().versionCount() > 0) {
            throw new SqlException("23502", "column \"" + c.name() + "\" of relation \"" + t.name() + "\" contains null values");
        }
        List<Column> cols = new ArrayList<>(t.columns());
        cols.add(withMissing);
        t.setShape(new Table.Shape(cols, t.constraints(), t.indexes()));
        for (io.pgsight.sql.ast.Constraint k : cd.constraints()) {
            if (k.kind() == ConstraintKind.PRIMARY_KEY || k.kind() == ConstraintKind.UNIQUE || k.kind() == ConstraintKind.CHECK
                    || k.kind() == ConstraintKind.FOREIGN_KEY) {
                addConstraint(t, new io.pgsight.sql.ast.Constraint(k.name(), k.kind(),
                        List.of(new Identifier(cd.name(), k.location())), k.expr(), k.refTable(), k.refColumns(),
                        k.onDelete(), k.onUpdate(), k.matchFull(), k.deferrable(), k.initiallyDeferred(), k.noInherit(),
                        k.identityAlways(), k.options(), k.nullsNotDistinct(), k.location()), ex);
            }
        }
    }

    // ------------------------------------------------------------------ DROP, TRUNCATE

    private void drop(Command.Drop d, StatementSink sink) {
        String tag = "DROP " + d.kind().name().replace('_', ' ');
        for (QualifiedName n : d.names()) {
            switch (d.kind()) {
                case TABLE, VIEW -> {
                    Table t = catalog.relation(n.schema(), n.name(), searchPath());
                    boolean isView = d.kind() == Command.ObjectKind.VIEW;
                    String what = isView ? "view" : "table";
                    if (t == null || (t.kind() == Table.Kind.VIEW) != isView) {
                        if (d.ifExists()) {
                            session.notice(SqlException.notice(what + " \"" + n.dotted() + "\" does not exist, skipping"));
                            continue;
                        }
                        throw new SqlException("42P01", what + " \"" + n.dotted() + "\" does not exist");
                    }
                    for (Table other : catalog.relations()) {
                        for (Constraint c : other.constraints()) {
                            if (c instanceof Constraint.ForeignKey fk && fk.referencedTableOid() == t.oid() && other != t) {
                                if (!d.cascade()) {
                                    throw new SqlException("2BP01", "cannot drop table " + t.name()
                                            + " because other objects depend on it")
                                            .withDetail("constraint " + fk.name() + " on table " + other.name()
                                                    + " depends on table " + t.name())
                                            .withHint("Use DROP ... CASCADE to drop the dependent objects too.");
                                }
                                List<Constraint> cs = new ArrayList<>(other.constraints());
                                cs.remove(c);
                                other.setShape(new Table.Shape(other.columns(), cs, other.indexes()));
                            }
                        }
                    }
                    catalog.removeRelation(t);
                    for (Column c : t.columns()) {
                        if (c.defaultSql() != null && c.defaultSql().startsWith("nextval('")) {
                            String seq = c.defaultSql().substring(9, c.defaultSql().indexOf('\'', 9));
                            Sequence s = catalog.sequence(t.schema(), seq);
                            if (s != null) {
                                catalog.removeSequence(s);
                            }
                        }
                    }
                }
                case INDEX -> {
                    IndexEntry idx = catalog.indexByName(n.schema(), n.name());
                    if (idx == null) {
                        if (d.ifExists()) {
                            session.notice(SqlException.notice("index \"" + n.dotted() + "\" does not exist, skipping"));
                            continue;
                        }
                        throw new SqlException("42704", "index \"" + n.dotted() + "\" does not exist");
                    }
                    Table t = catalog.relationByOid(idx.tableOid());
                    for (Constraint c : t.constraints()) {
                        if ((c instanceof Constraint.PrimaryKey pk && pk.indexName().equals(idx.name()))
                                || (c instanceof Constraint.Unique u && u.indexName().equals(idx.name()))) {
                            throw new SqlException("2BP01", "cannot drop index " + idx.name() + " because constraint "
                                    + c.name() + " on table " + t.name() + " requires it")
                                    .withHint("You can drop constraint " + c.name() + " on table " + t.name() + " instead.");
                        }
                    }
                    List<IndexEntry> is = new ArrayList<>(t.indexes());
                    is.remove(idx);
                    t.setShape(new Table.Shape(t.columns(), t.constraints(), is));
                }
                case SEQUENCE -> {
                    Sequence s = catalog.sequence(n.schema(), n.name(), searchPath());
                    if (s == null) {
                        if (d.ifExists()) {
                            session.notice(SqlException.notice("sequence \"" + n.dotted() + "\" does not exist, skipping"));
                            continue;
                        }
                        throw new SqlException("42P01", "sequence \"" + n.dotted() + "\" does not exist");
                    }
                    catalog.removeSequence(s);
                }
                case EXTENSION -> dropExtension(n.name(), d.ifExists(), d.cascade());
                case DATABASE -> {
                    if (session.inBlock()) {
                        throw new SqlException("25001", "DROP DATABASE cannot run inside a transaction block");
                    }
                    if (!session.engine().dropDatabase(n.name(), session.databaseName())) {
                        if (d.ifExists()) {
                            session.notice(SqlException.notice("database \"" + n.name() + "\" does not exist, skipping"));
                            continue;
                        }
                        throw new SqlException("3D000", "database \"" + n.name() + "\" does not exist");
                    }
                }
                case SCHEMA -> {
                    catalog.awaitSchema(n.name());
                    if (!catalog.schemaExists(n.name())) {
                        if (d.ifExists()) {
                            session.notice(SqlException.notice("schema \"" + n.name() + "\" does not exist, skipping"));
                            continue;
                        }
                        throw new SqlException("3F000", "schema \"" + n.name() + "\" does not exist");
                    }
                    SchemaDrop.run(n.name(), d.cascade(), catalog, searchPath(), session,
                            relationDrop -> drop(relationDrop, new CommandRunner.CollectingSink(new ArrayList<>())));
                }
                default -> throw new SqlException("0A000", "DROP " + d.kind() + " is not supported yet");
            }
        }
        sink.complete(tag);
    }

    private void truncate(Command.Truncate tr) {
        for (QualifiedName n : tr.tables()) {
            Table t = tableFor(n, false);
            for (Table other : catalog.relations()) {
                for (Constraint c : other.constraints()) {
                    if (c instanceof Constraint.ForeignKey fk && fk.referencedTableOid() == t.oid() && other != t
                            && !tr.cascade() && !tr.tables().stream().anyMatch(x -> x.name().equals(other.name()))) {
                        throw new SqlException("0A000", "cannot truncate a table referenced in a foreign key constraint")
                                .withDetail("Table \"" + other.name() + "\" references \"" + t.name() + "\".")
                                .withHint("Truncate table \"" + other.name() + "\" at the same time, or use TRUNCATE ... CASCADE.");
                    }
                }
            }
            // a new, empty table object with new, empty indexes takes the old one's place: the old one keeps
            // every row and index entry, so a rollback of the transaction only has to put it back
            Table empty = new Table(t.oid(), t.schema(), t.name(), t.kind(), new InMemoryTableStorage(), t.viewSql(),
                    new Table.Shape(t.columns(), t.constraints(), List.of()));
            List<IndexEntry> rebuilt = new ArrayList<>();
            for (IndexEntry i : t.indexes()) {
                IndexEntry fresh = i.instance() instanceof EqualityIndex ? i.withInstance(new EqualityIndex())
                        : rebuildSpiIndex(empty, i);
                rebuilt.add(fresh.withOid(i.oid()));
            }
            empty.setShape(new Table.Shape(t.columns(), t.constraints(), rebuilt));
            catalog.putRelation(empty);
            if (tr.restartIdentity()) {
                for (Column c : t.columns()) {
                    if (c.defaultSql() != null && c.defaultSql().startsWith("nextval('")) {
                        Sequence s = catalog.sequence(t.schema(), c.defaultSql().substring(9, c.defaultSql().indexOf('\'', 9)));
                        if (s != null) {
                            catalog.putSequence(s.restarted());
                        }
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ indexes

    private void createIndex(Command.CreateIndex c) {
        Table t = catalog.relation(c.table().schema(), c.table().name(), searchPath());
        if (t == null) {
            throw new SqlException("42P01", "relation \"" + c.table().dotted() + "\" does not exist");
        }
        String method = c.method() == null ? "btree" : c.method();
        var am = catalog.accessMethod(method);
        if (am == null) {
            throw new SqlException("42704", "access method \"" + method + "\" does not exist");
        }
        ExprAnalyzer ex = analyzer();
        Scope scope = DmlCommands.tableScope(t, null);
        List<Integer> atts = new ArrayList<>();
        List<TExpr> exprs = new ArrayList<>();
        List<String> nameParts = new ArrayList<>();
        List<OperatorClassEntry> opclasses = new ArrayList<>();
        int keyTypmod = -1;
        for (IndexElem el : c.elements()) {
            PgType keyType;
            if (el.column() != null) {
                Column col = t.column(el.column().name());
                if (col == null) {
                    throw new SqlException("42703", "column \"" + el.column().name() + "\" does not exist");
                }
                atts.add(col.attnum());
                exprs.add(null);
                nameParts.add(col.name());
                keyType = col.type();
                keyTypmod = col.typmod();
            } else {
                TExpr e = ex.analyze(el.expr(), scope);
                atts.add(0);
                exprs.add(e);
                nameParts.add(el.expr() instanceof Expr.FuncCall f ? f.name().name() : "expr");
                keyType = e.type();
                keyTypmod = e.typmod();
            }
            opclasses.add(opclass(method, el, keyType));
        }
        String name = c.name() != null ? c.name() : catalog.chooseRelationName(t.schema(),
                Catalog.objectName(t.name(), String.join("_", nameParts), "idx"));
        if (catalog.relationNameTaken(t.schema(), name)) {
            if (c.ifNotExists()) {
                session.notice(SqlException.notice("relation \"" + name + "\" already exists, skipping"));
                return;
            }
            throw new SqlException("42P07", "relation \"" + name + "\" already exists");
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (Option o : c.options()) {
            options.put(o.name().toLowerCase(java.util.Locale.ROOT), o.valueText());
        }
        IndexAccessMethod impl = opclasses.get(0) != null && opclasses.get(0).implementation() != null
                ? opclasses.get(0).implementation() : am.implementation();
        t.beginIndexBuild(runner.context(null)::checkCancelled); // no row version may fall between the build's scan and the new shape
        try {
            buildAndPublish(t, c, method, name, atts, exprs, opclasses, options, impl, keyTypmod);
        } finally {
            t.endIndexBuild();
        }
        if (session.durable() != null) {
            session.durable().indexBuilt(t.indexes().get(t.indexes().size() - 1).instance(), t.storage().versionCount());
        }
    }

    private void buildAndPublish(Table t, Command.CreateIndex c, String method, String name, List<Integer> atts,
                                 List<TExpr> exprs, List<OperatorClassEntry> opclasses, Map<String, String> options,
                                 IndexAccessMethod impl, int keyTypmod) {
        IndexEntry idx;
        if (impl == null) {
            if (!method.equals("btree") && !method.equals("hash")) {
                throw new SqlException("0A000", "access method \"" + method + "\" is not supported for this data type");
            }
            if (exprs.stream().allMatch(x -> x == null)) {
                idx = buildEqualityIndex(t, name, atts, c.unique(), false);
            } else {
                EqualityIndex eq = new EqualityIndex();
                idx = new IndexEntry(catalog.newOid(), name, t.oid(), method, atts, exprs, opclasses.stream()
                        .filter(x -> x != null).toList(), c.unique(), false, null, eq);
                fill(t, idx);
            }
        } else {
            Object parsed = impl.parseOptions(options);
            idx = buildSpiIndex(t, name, method, atts, exprs, opclasses, parsed, impl, keyTypmod);
        }
        List<IndexEntry> is = new ArrayList<>(t.indexes());
        is.add(idx);
        t.setShape(new Table.Shape(t.columns(), t.constraints(), is));
        catalog.setRelOptions(idx.oid(), options.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    private OperatorClassEntry opclass(String method, IndexElem el, PgType keyType) {
        List<OperatorClassEntry> all = catalog.operatorClasses(method);
        if (el.opclass() != null) {
            String n = el.opclass().name();
            for (OperatorClassEntry oc : all) {
                if (oc.name().equals(n)) {
                    if (oc.indexedType().oid() != keyType.oid() && !io.pgsight.sql.catalog.PseudoType.is(oc.indexedType())) {
                        throw new SqlException("42804", "operator class \"" + n + "\" does not accept data type "
                                + catalog.formatType(keyType));
                    }
                    return oc;
                }
            }
            throw new SqlException("42704", "operator class \"" + n + "\" does not exist for access method \"" + method + "\"");
        }
        for (OperatorClassEntry oc : all) {
            if (oc.isDefault() && oc.indexedType().oid() == keyType.oid()) {
                return oc;
            }
        }
        if ((method.equals("btree") && findOp("<", keyType) != null) || (method.equals("hash") && findOp("=", keyType) != null)) {
            return null;
        }
        throw new SqlException("42704", "data type " + catalog.formatType(keyType)
                + " has no default operator class for access method \"" + method + "\"")
                .withHint("You must specify an operator class for the index or define a default operator class for the data type.");
    }

    private io.pgsight.sql.catalog.OperatorEntry findOp(String sym, PgType t) {
        for (var o : catalog.operators(sym)) {
            if (o.left() != null && o.left().oid() == t.oid() && o.right().oid() == t.oid()) {
                return o;
            }
        }
        // a type binary-coercible to one with the operator uses that type's class (varchar indexes by text_ops)
        for (var o : catalog.operators(sym)) {
            if (o.left() != null && o.left().oid() == o.right().oid() && implicitlyBinaryCoercible(t, o.left())) {
                return o;
            }
        }
        return null;
    }

    private boolean implicitlyBinaryCoercible(PgType from, PgType to) {
        var cast = catalog.cast(from.oid(), to.oid());
        return cast != null && cast.functionName() == null
                && cast.context() == io.pgsight.sql.spi.CastContext.IMPLICIT;
    }

    private void fill(Table t, IndexEntry idx) {
        TableWriter w = new TableWriter(t, runner.context(null));
        for (Iterator<RowVersion> it = t.storage().scan(); it.hasNext(); ) {
            RowVersion v = it.next();
            idx.instance().insert(v.rowId(), w.indexKey(idx, Nodes.materialize(t, v, t.columns().size())));
        }
    }

    private IndexEntry buildSpiIndex(Table t, String name, String method, List<Integer> atts, List<TExpr> exprs,
                                     List<OperatorClassEntry> opclasses, Object options, IndexAccessMethod impl, int keyTypmod) {
        PgType keyType = atts.get(0) > 0 ? t.columns().get(atts.get(0) - 1).type()
                : exprs.get(0) != null ? exprs.get(0).type() : null;
        ExecContext ctx = runner.context(null);
        IndexEntry shape = new IndexEntry(0, name, t.oid(), method, atts, exprs, opclasses, false, false, options, null);
        TableWriter w = new TableWriter(t, ctx);
        OperatorClassDef def = opclasses.get(0).definition();
        IndexInstance inst = impl.build(new IndexBuildContext() {
            @Override
            public String indexName() {
                return name;
            }

            @Override
            public String tableName() {
                return t.name();
            }

            @Override
            public OperatorClassDef operatorClass() {
                return def;
            }

            @Override
            public Object options() {
                return options;
            }

            @Override
            public int keyTypmod() {
                return keyTypmod;
            }

            @Override
            public FunctionContext session() {
                return ctx;
            }

            @Override
            public String keyTypeName() {
                return keyType == null ? null : catalog.formatType(keyType);
            }

            @Override
            public void forEachRow(RowVisitor visitor) {
                for (Iterator<RowVersion> it = t.storage().scan(); it.hasNext(); ) {
                    RowVersion v = it.next();
                    if (v.xmin().state() == io.pgsight.sql.txn.TxnState.ABORTED) {
                        continue;
                    }
                    visitor.visit(v.rowId(), w.indexKey(shape, Nodes.materialize(t, v, t.columns().size())));
                    ctx.checkCancelled();
                }
            }
        });
        return new IndexEntry(catalog.newOid(), name, t.oid(), method, atts, exprs, opclasses, false, false, options, inst);
    }

    /** The index {@code i} built anew over {@code t}'s rows (a table rewrite); uniqueness is checked again. */
    private IndexEntry rebuildIndex(Table t, IndexEntry i) {
        if (i.instance() instanceof EqualityIndex) {
            return i.withInstance(buildEqualityIndex(t, i.name(), i.keyColumns(), i.unique(), i.primary()).instance());
        }
        return rebuildSpiIndex(t, i);
    }

    private IndexEntry rebuildSpiIndex(Table t, IndexEntry i) {
        IndexAccessMethod impl = i.operatorClasses().get(0).implementation() != null
                ? i.operatorClasses().get(0).implementation() : catalog.accessMethod(i.accessMethod()).implementation();
        int att = i.keyColumns().get(0);
        int keyTypmod = att > 0 ? t.columns().get(att - 1).typmod()
                : i.expressions().get(0) != null ? i.expressions().get(0).typmod() : -1; // vector(n): the build needs n
        return buildSpiIndex(t, i.name(), i.accessMethod(), i.keyColumns(), i.expressions(), i.operatorClasses(), i.options(),
                impl, keyTypmod);
    }

    // ------------------------------------------------------------------ extensions

    private void createExtension(Command.CreateExtension c) {
        if (catalog.extension(c.name()) != null) {
            if (c.ifNotExists()) {
                session.notice(SqlException.notice("extension \"" + c.name() + "\" already exists, skipping"));
                return;
            }
            throw new SqlException("42710", "extension \"" + c.name() + "\" already exists");
        }
        Extension ext = EngineImpl.findExtension(c.name());
        if (ext == null) {
            throw new SqlException("0A000", "extension \"" + c.name() + "\" is not available")
                    .withDetail("Could not open extension control file \"/usr/share/postgresql/15/extension/" + c.name()
                            + ".control\": No such file or directory.")
                    .withHint("The extension must first be installed on the system where PostgreSQL is running.");
        }
        String schema = c.schema() == null ? searchPath().creationSchema(catalog) : c.schema();
        CatalogRegistrar reg = new CatalogRegistrar(catalog, schema, ext.name(), session.settings().catalog());
        try {
            ext.register(reg);
        } catch (RuntimeException e) {
            CatalogRegistrar.unregister(catalog, ext.name());
            throw e;
        }
        CatalogRegistrar.recordExtension(catalog, new ExtensionEntry(catalog.newOid(), ext.name(), ext.version(), schema,
                ext.comment()));
        for (String sql : ext.sqlScript()) {
            for (io.pgsight.sql.ast.Statement st : io.pgsight.sql.plan.ExpressionText.statements(sql)) {
                runner.run(st.command(), st.text(), new CommandRunner.CollectingSink(new ArrayList<>()), null, null);
            }
        }
    }

    private void dropExtension(String name, boolean ifExists, boolean cascade) {
        if (catalog.extension(name) == null) {
            if (ifExists) {
                session.notice(SqlException.notice("extension \"" + name + "\" does not exist, skipping"));
                return;
            }
            throw new SqlException("42704", "extension \"" + name + "\" does not exist");
        }
        List<String> deps = new ArrayList<>();
        for (Table t : catalog.relations()) {
            for (Column c : t.columns()) {
                if (c.dropped()) {
                    continue;
                }
                PgType base = catalog.elementOf(c.type()) != null ? catalog.elementOf(c.type()) : c.type();
                if (name.equals(catalog.typeExtension(base.oid()))) {
                    deps.add("column " + c.name() + " of table " + t.name() + " depends on type " + base.name());
                    if (cascade) {
                        List<Column> cols = new ArrayList<>(t.columns());
                        cols.set(c.attnum() - 1, c.asDropped());
                        List<IndexEntry> is = new ArrayList<>(t.indexes());
                        is.removeIf(i -> i.keyColumns().contains(c.attnum()));
                        t.setShape(new Table.Shape(cols, t.constraints(), is));
                    }
                }
            }
        }
        if (!deps.isEmpty() && !cascade) {
            throw new SqlException("2BP01", "cannot drop extension " + name + " because other objects depend on it")
                    .withDetail(String.join("\n", deps))
                    .withHint("Use DROP ... CASCADE to drop the dependent objects too.");
        }
        CatalogRegistrar.unregister(catalog, name);
    }

    // ------------------------------------------------------------------ functions, sequences

    private void createFunction(Command.CreateFunction f, String text) {
        ExprAnalyzer ex = analyzer();
        List<PgType> args = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<FunctionEntry.OutColumn> outs = new ArrayList<>();
        List<TExpr> defaults = new ArrayList<>();
        for (FunctionParam p : f.params()) {
            PgType t = ex.resolveType(p.type());
            if (p.mode() != FunctionParam.Mode.OUT && p.mode() != FunctionParam.Mode.TABLE) {
                if (p.defaultValue() != null) {
                    defaults.add(ex.assign(ex.analyze(p.defaultValue(), new Scope(null)), t, -1, p.name(),
                            p.location()));
                } else if (!defaults.isEmpty()) {
                    throw new SqlException("42P13",
                            "input parameters after one with a default value must also have defaults");
                }
            }
            if (p.mode() == FunctionParam.Mode.OUT || p.mode() == FunctionParam.Mode.TABLE) {
                outs.add(new FunctionEntry.OutColumn(p.name(), t));
                continue;
            }
            if (p.mode() == FunctionParam.Mode.INOUT) {
                outs.add(new FunctionEntry.OutColumn(p.name(), t));
            }
            args.add(t);
            names.add(p.name() == null ? "" : p.name());
        }
        for (FunctionParam p : f.returnsTable()) {
            outs.add(new FunctionEntry.OutColumn(p.name(), ex.resolveType(p.type())));
        }
        boolean setof = f.returnType() != null && f.returnType().setof() || !f.returnsTable().isEmpty();
        PgType ret;
        List<FunctionEntry.OutColumn> rowType = f.returnType() == null ? null : tableRowType(f.returnType());
        if (f.procedure()) {
            ret = catalog.typeByOid(io.pgsight.sql.catalog.PseudoType.VOID);
        } else if (rowType != null) {
            // RETURNS [SETOF] table: the table's row type, a record of its columns
            outs.addAll(rowType);
            ret = catalog.typeByOid(io.pgsight.sql.catalog.PseudoType.RECORD);
        } else if (f.returnType() != null) {
            ret = ex.resolveType(f.returnType().withSetof(false));
        } else if (outs.size() == 1) {
            ret = outs.get(0).type();
            outs.clear();
        } else if (!outs.isEmpty()) {
            ret = catalog.typeByOid(io.pgsight.sql.catalog.PseudoType.RECORD);
        } else {
            throw new SqlException("42P13", "function result type must be specified");
        }
        if (outs.size() == 1 && f.returnsTable().size() == 1) {
            outs.clear();
        }
        if (f.body() == null) {
            throw new SqlException("42P13", "no function body specified");
        }
        boolean standardBody = f.options().stream().anyMatch(o -> o.name().equals("sql_body"));
        if (f.language() == null && !standardBody) {
            throw new SqlException("42P13", "no language specified");
        }
        String lang = f.language() == null ? "sql" : f.language();
        FunctionBody body = lang.equals("sql") ? new FunctionBody.Sql(f.body().value())
                : new FunctionBody.Procedural(lang, f.body().value());
        if (!lang.equals("sql") && !lang.equals("plpgsql")) {
            throw new SqlException("42704", "language \"" + lang + "\" does not exist");
        }
        Volatility vol = f.volatility() == null ? Volatility.VOLATILE : Volatility.valueOf(f.volatility().toUpperCase(java.util.Locale.ROOT));
        String schema = f.name().schema() == null ? searchPath().creationSchema(catalog) : f.name().schema();
        for (FunctionEntry existing : catalog.functions(f.name().name())) {
            if (existing.schema().equals(schema) && sameTypes(existing.argumentTypes(), args)) {
                if (!f.orReplace()) {
                    throw new SqlException("42723", "function \"" + f.name().name() + "\" already exists with same argument types");
                }
                // format_procedure's form: no space after the commas
                String dropHint = "Use DROP FUNCTION " + existing.signature(catalog::formatType).replace(", ", ",")
                        + " first.";
                if (existing.returnType().oid() != ret.oid() || existing.returnsSet() != setof) {
                    throw new SqlException("42P13", "cannot change return type of existing function")
                            .withHint(dropHint);
                }
                if (!sameOutColumns(existing.outColumns(), outs)) {
                    throw new SqlException("42P13", "cannot change return type of existing function")
                            .withDetail("Row type defined by OUT parameters is different.").withHint(dropHint);
                }
                for (int i = 0; i < existing.argumentNames().size() && i < names.size(); i++) {
                    String old = existing.argumentNames().get(i);
                    if (!old.isEmpty() && !old.equals(names.get(i))) {
                        throw new SqlException("42P13", "cannot change name of input parameter \"" + old + "\"")
                                .withHint(dropHint);
                    }
                }
            }
        }
        FunctionEntry entry = new FunctionEntry(catalog.newOid(), schema, f.name().name(), args, names, ret, setof,
                Boolean.TRUE.equals(f.strict()), vol, body, outs, null, null, false, defaults, rowType != null,
                f.procedure());
        new PlpgsqlHost(session).validate(entry, f, text);
        catalog.putFunction(entry);
    }

    /** The columns of the table a type name names when no type has that name (a table's row type), else null. */
    private List<FunctionEntry.OutColumn> tableRowType(io.pgsight.sql.ast.TypeName tn) {
        if (tn.isArray() || !tn.typmods().isEmpty() || tn.names().size() > 2 || catalog.typeByName(tn.name()) != null) {
            return null;
        }
        Table t = catalog.relation(tn.schema(), tn.name(), searchPath());
        if (t == null) {
            return null;
        }
        List<FunctionEntry.OutColumn> cols = new ArrayList<>();
        for (Column c : t.columns()) {
            if (!c.dropped()) {
                cols.add(new FunctionEntry.OutColumn(c.name(), c.type()));
            }
        }
        return cols;
    }

    /** The function COMMENT ON FUNCTION name(args) names. */
    private FunctionEntry commentedFunction(Command.CommentOn c) {
        ExprAnalyzer ex = analyzer();
        List<PgType> types = new ArrayList<>();
        for (FunctionParam p : c.functionParams()) {
            if (p.mode() != FunctionParam.Mode.OUT) {
                types.add(ex.resolveType(p.type()));
            }
        }
        for (FunctionEntry f : catalog.functions(c.name().name())) {
            if (sameTypes(f.argumentTypes(), types)
                    && (c.name().schema() == null || c.name().schema().equals(f.schema()))) {
                return f;
            }
        }
        throw new SqlException("42883", (c.kind() == Command.ObjectKind.PROCEDURE ? "procedure " : "function ")
                + c.name().name() + "(" + String.join(", ", types.stream().map(catalog::formatType).toList())
                + ") does not exist");
    }

    private static boolean sameOutColumns(List<FunctionEntry.OutColumn> a, List<FunctionEntry.OutColumn> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!java.util.Objects.equals(a.get(i).name(), b.get(i).name())
                    || a.get(i).type().oid() != b.get(i).type().oid()) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameTypes(List<PgType> a, List<PgType> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).oid() != b.get(i).oid()) {
                return false;
            }
        }
        return true;
    }

    private void dropFunction(Command.DropFunction d) {
        ExprAnalyzer ex = analyzer();
        for (Command.FunctionSignature sig : d.functions()) {
            List<FunctionEntry> cands = catalog.functions(sig.name().name()).stream().filter(f -> f.extension() == null
                    && !f.schema().equals("pg_catalog")).toList();
            FunctionEntry target = null;
            if (sig.params() == null) {
                if (cands.size() > 1) {
                    throw new SqlException("42725", "function name \"" + sig.name().name() + "\" is not unique")
                            .withHint("Specify the argument list to select the function unambiguously.");
                }
                target = cands.isEmpty() ? null : cands.get(0);
            } else {
                List<PgType> types = new ArrayList<>();
                for (FunctionParam p : sig.params()) {
                    if (p.mode() != FunctionParam.Mode.OUT) {
                        types.add(ex.resolveType(p.type()));
                    }
                }
                for (FunctionEntry f : cands) {
                    if (sameTypes(f.argumentTypes(), types)) {
                        target = f;
                    }
                }
                if (target == null && !d.ifExists()) {
                    throw new SqlException("42883", "function " + sig.name().name() + "("
                            + String.join(", ", types.stream().map(catalog::formatType).toList()) + ") does not exist");
                }
            }
            if (target == null) {
                if (d.ifExists()) {
                    // the name and argument types as written (TypeNameListToString: int is pg_catalog.int4)
                    String shown = sig.params() == null ? "" : String.join(",", sig.params().stream()
                            .filter(p -> p.mode() != FunctionParam.Mode.OUT)
                            .map(p -> String.join(".", p.type().names()) + "[]".repeat(p.type().arrayBounds().size()))
                            .toList());
                    String what = d.kind() == Command.ObjectKind.PROCEDURE ? "procedure " : "function ";
                    session.notice(SqlException.notice(what + String.join(".", sig.name().parts()) + "(" + shown
                            + ") does not exist, skipping"));
                    continue;
                }
                throw new SqlException("42883", "could not find a function named \"" + sig.name().name() + "\"");
            }
            catalog.removeFunction(target);
            catalog.setComment("function:" + target.oid(), null);
        }
    }

    private void createSequence(Command.CreateSequence s) {
        String schema = schemaOf(s.name());
        if (catalog.relationNameTaken(schema, s.name().name())) {
            if (s.ifNotExists()) {
                session.notice(SqlException.notice("relation \"" + s.name().name() + "\" already exists, skipping"));
                return;
            }
            throw new SqlException("42P07", "relation \"" + s.name().name() + "\" already exists");
        }
        long inc = 1;
        Long start = null;
        Long min = null;
        Long max = null;
        boolean cycle = false;
        for (Option o : s.options()) {
            String v = o.valueText();
            switch (o.name()) {
                case "increment" -> inc = Long.parseLong(v);
                case "start" -> start = Long.parseLong(v);
                case "minvalue" -> min = v == null ? null : Long.parseLong(v);
                case "maxvalue" -> max = v == null ? null : Long.parseLong(v);
                case "cycle" -> cycle = v == null || !v.equals("false");
                default -> {
                }
            }
        }
        long lo = min != null ? min : inc > 0 ? 1 : Long.MIN_VALUE;
        long hi = max != null ? max : inc > 0 ? Long.MAX_VALUE : -1;
        long st = start != null ? start : inc > 0 ? lo : hi;
        catalog.putSequence(new Sequence(catalog.newOid(), schema, s.name().name(), "int8", st, inc, lo, hi, cycle));
    }

    // ------------------------------------------------------------------ VACUUM

    void vacuum(Command.Vacuum v) {
        if (v.analyzeOnly()) {
            return;
        }
        long horizon = session.transactions().horizon();
        List<Table> tables = new ArrayList<>();
        if (v.tables().isEmpty()) {
            tables.addAll(catalog.relations());
        } else {
            for (Command.VacuumTarget t : v.tables()) {
                tables.add(tableFor(t.table(), false));
            }
        }
        for (Table t : tables) {
            TableWriter w = new TableWriter(t, runner.context(null));
            t.storage().removeIf(rv -> dead(rv, horizon), rv -> {
                Object[] row = Nodes.materialize(t, rv, t.columns().size());
                for (IndexEntry i : t.indexes()) {
                    i.instance().remove(rv.rowId(), w.indexKey(i, row));
                }
            });
        }
    }

    private static boolean dead(RowVersion rv, long horizon) {
        if (rv.xmin().state() == io.pgsight.sql.txn.TxnState.ABORTED) {
            return true;
        }
        var x = rv.xmax();
        return x != null && x.state() == io.pgsight.sql.txn.TxnState.COMMITTED && x.top().id() < horizon;
    }

    static AccessMethodDef unused() {
        return null;
    }
}
