package io.pgsight.sql.pgcatalog;

import io.pgsight.sql.catalog.AccessMethodEntry;
import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.Column;
import io.pgsight.sql.catalog.Constraint;
import io.pgsight.sql.catalog.FunctionEntry;
import io.pgsight.sql.catalog.IndexEntry;
import io.pgsight.sql.catalog.OperatorClassEntry;
import io.pgsight.sql.catalog.Table;
import io.pgsight.sql.spi.PgType;

import java.util.ArrayList;
import java.util.List;

/** The text ruleutils prints: pg_get_indexdef, pg_get_constraintdef, pg_get_function_arguments/result. */
final class Definitions {
    private Definitions() {
    }

    private static String ident(String s) {
        return ObjectNames.quoteIdent(s);
    }

    /** {@code CREATE [UNIQUE] INDEX name ON schema.table USING am (cols [opclass]) [WITH (k='v')]}, or null. */
    static String indexDef(Catalog c, int indexOid, int column) {
        for (Table t : c.relations()) {
            for (IndexEntry i : t.indexes()) {
                if (i.oid() == indexOid) {
                    return indexDef(c, t, i, column);
                }
            }
        }
        return null;
    }

    private static String indexDef(Catalog c, Table t, IndexEntry i, int column) {
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < i.keyColumns().size(); k++) {
            int att = i.keyColumns().get(k);
            String key;
            PgType type;
            if (att > 0) {
                Column col = t.columns().get(att - 1);
                key = ident(col.name());
                type = col.type();
            } else {
                var e = i.expressions().get(k);
                key = "(" + e.sql() + ")";
                type = e.type();
            }
            if (column == k + 1) {
                return key; // one column's definition: the key alone, without its operator class
            }
            OperatorClassEntry oc = k < i.operatorClasses().size() ? i.operatorClasses().get(k) : null;
            if (oc != null && !(oc.isDefault() && oc.indexedType().oid() == type.oid())) {
                key += " " + ident(oc.name());
            }
            keys.add(key);
        }
        if (column > 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder("CREATE ");
        if (i.unique() || i.primary()) {
            sb.append("UNIQUE ");
        }
        sb.append("INDEX ").append(ident(i.name())).append(" ON ").append(ident(t.schema())).append('.')
                .append(ident(t.name())).append(" USING ").append(i.accessMethod()).append(" (")
                .append(String.join(", ", keys)).append(')');
        List<String> opts = c.relOptions(i.oid());
        if (!opts.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (String o : opts) {
                int eq = o.indexOf('=');
                parts.add(o.substring(0, eq) + "='" + o.substring(eq + 1).replace("'", "''") + "'");
            }
            sb.append(" WITH (").append(String.join(", ", parts)).append(')');
        }
        return sb.toString();
    }

    static String constraintDef(Catalog c, int oid) {
        Object[] found = PgConstraint.find(c, oid);
        if (found == null) {
            return null;
        }
        Table t = (Table) found[0];
        Constraint con = (Constraint) found[1];
        if (con instanceof Constraint.PrimaryKey) {
            return "PRIMARY KEY (" + columnList(t, con.columns()) + ")";
        }
        if (con instanceof Constraint.Unique) {
            return "UNIQUE (" + columnList(t, con.columns()) + ")";
        }
        if (con instanceof Constraint.ForeignKey fk) {
            Table ref = c.relationByOid(fk.referencedTableOid());
            String refName = ref == null ? "?" : ObjectNames.relationName(c, ref.oid());
            StringBuilder sb = new StringBuilder("FOREIGN KEY (").append(columnList(t, fk.columns())).append(") REFERENCES ")
                    .append(refName).append('(').append(ref == null ? "" : columnList(ref, fk.referencedColumns())).append(')');
            String upd = PgConstraint.actionCode(fk.onUpdate());
            String del = PgConstraint.actionCode(fk.onDelete());
            if (!upd.equals("a")) {
                sb.append(" ON UPDATE ").append(actionText(upd));
            }
            if (!del.equals("a")) {
                sb.append(" ON DELETE ").append(actionText(del));
            }
            return sb.toString();
        }
        Constraint.Check ch = (Constraint.Check) con;
        String expr = ch.expr() != null ? ch.expr().sql() : ch.sql();
        return "CHECK (" + (expr.startsWith("(") ? expr : "(" + expr + ")") + ")";
    }

    private static String actionText(String code) {
        return switch (code) {
            case "r" -> "RESTRICT";
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            default -> "SET DEFAULT";
        };
    }

    private static String columnList(Table t, List<Integer> attnums) {
        List<String> names = new ArrayList<>();
        for (int a : attnums) {
            names.add(ident(t.columns().get(a - 1).name()));
        }
        return String.join(", ", names);
    }

    static FunctionEntry function(Catalog c, int oid) {
        for (FunctionEntry f : c.allFunctions()) {
            if (f.oid() == oid) {
                return f;
            }
        }
        return null;
    }

    /** {@code f} is the function with {@code oid}, or null when it is not a plain function (then aggregates are searched). */
    static String functionArguments(Catalog c, FunctionEntry f, int oid) {
        return functionArguments(c, f, oid, false);
    }

    /**
     * print_function_arguments: modes (every one spelled out for procedures, IN left implicit for functions),
     * names, types, with {@code DEFAULT expr} unless {@code identity} (pg_get_function_identity_arguments).
     * OUT parameters of a function that returns their record follow the inputs; an output sharing an input's
     * name is that input as INOUT. RETURNS TABLE columns and a table's row type are results, not arguments.
     */
    static String functionArguments(Catalog c, FunctionEntry f, int oid, boolean identity) {
        if (f != null) {
            boolean outParams = !f.outColumns().isEmpty() && !f.rowTypeResult() && (!f.returnsSet() || f.procedure());
            List<String> outNames = new ArrayList<>();
            if (outParams) {
                f.outColumns().forEach(o -> outNames.add(o.name()));
            }
            List<String> args = new ArrayList<>();
            int firstDefault = f.argumentTypes().size() - f.argumentDefaults().size();
            for (int i = 0; i < f.argumentTypes().size(); i++) {
                String n = i < f.argumentNames().size() ? f.argumentNames().get(i) : "";
                boolean inout = n != null && !n.isEmpty() && outNames.remove(n);
                String mode = f.variadic() && i == f.argumentTypes().size() - 1 ? "VARIADIC "
                        : inout ? "INOUT " : f.procedure() ? "IN " : "";
                String arg = mode + (n == null || n.isEmpty() ? "" : ident(n) + " ")
                        + c.formatType(f.argumentTypes().get(i));
                if (!identity && i >= firstDefault) {
                    arg += " DEFAULT " + f.argumentDefaults().get(i - firstDefault).sql();
                }
                args.add(arg);
            }
            for (FunctionEntry.OutColumn o : outParams ? f.outColumns() : List.<FunctionEntry.OutColumn>of()) {
                if (outNames.contains(o.name())) {
                    args.add("OUT " + (o.name() == null || o.name().isEmpty() ? "" : ident(o.name()) + " ")
                            + c.formatType(o.type()));
                }
            }
            return String.join(", ", args);
        }
        for (var a : c.allAggregates()) {
            if (a.oid() == oid) {
                return String.join(", ", a.argumentTypes().stream().map(c::formatType).toList());
            }
        }
        return null;
    }

    static String functionResult(Catalog c, FunctionEntry f, int oid) {
        if (f != null) {
            if (f.procedure()) {
                return null;
            }
            if (!f.outColumns().isEmpty() && f.returnsSet()) {
                List<String> cols = new ArrayList<>();
                for (FunctionEntry.OutColumn oc : f.outColumns()) {
                    cols.add(ident(oc.name()) + " " + c.formatType(oc.type()));
                }
                return "TABLE(" + String.join(", ", cols) + ")";
            }
            return (f.returnsSet() ? "SETOF " : "") + c.formatType(f.returnType());
        }
        for (var a : c.allAggregates()) {
            if (a.oid() == oid) {
                return c.formatType(a.resultType());
            }
        }
        return null;
    }

    /**
     * pg_get_functiondef: the CREATE OR REPLACE statement ruleutils prints (psql's \\sf), body
     * dollar-quoted with $function$ lengthened until the body does not contain it.
     */
    static String functionDef(Catalog c, FunctionEntry f, int oid) {
        if (f == null) {
            for (var a : c.allAggregates()) {
                if (a.oid() == oid) {
                    throw new io.pgsight.sql.api.SqlException("42809", "\"" + a.name() + "\" is an aggregate function");
                }
            }
            return null;
        }
        String language;
        String source;
        if (f.body() instanceof io.pgsight.sql.catalog.FunctionBody.Sql s) {
            language = "sql";
            source = s.source();
        } else if (f.body() instanceof io.pgsight.sql.catalog.FunctionBody.Procedural p) {
            language = p.language();
            source = p.source();
        } else {
            language = f.extension() == null ? "internal" : "c";
            source = f.name();
        }
        String kind = f.procedure() ? "procedure" : "function";
        StringBuilder b = new StringBuilder("CREATE OR REPLACE " + kind.toUpperCase(java.util.Locale.ROOT) + " ");
        b.append(ident(f.schema())).append('.').append(ident(f.name()))
                .append('(').append(functionArguments(c, f, oid)).append(")\n");
        if (!f.procedure()) {
            b.append(" RETURNS ").append(functionResult(c, f, oid)).append('\n');
        }
        b.append(" LANGUAGE ").append(language).append('\n');
        // the options share one line, as ruleutils appends them
        StringBuilder options = new StringBuilder();
        switch (f.volatility()) {
            case IMMUTABLE -> options.append(" IMMUTABLE");
            case STABLE -> options.append(" STABLE");
            default -> {
            }
        }
        if (f.strict()) {
            options.append(" STRICT");
        }
        if (options.length() > 0) {
            b.append(options).append('\n');
        }
        StringBuilder quote = new StringBuilder("$" + kind);
        while (source.contains(quote + "$")) {
            quote.append('x');
        }
        quote.append('$');
        b.append("AS ").append(quote).append(source).append(quote).append('\n');
        return b.toString();
    }

    static boolean isAccessMethod(Catalog c, int oid) {
        for (AccessMethodEntry am : c.allAccessMethods()) {
            if (am.oid() == oid) {
                return true;
            }
        }
        return false;
    }
}
