package io.pgsight.sql.pgcatalog;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.catalog.Catalog;
import io.pgsight.sql.catalog.FunctionEntry;
import io.pgsight.sql.catalog.IndexEntry;
import io.pgsight.sql.catalog.OperatorEntry;
import io.pgsight.sql.catalog.Sequence;
import io.pgsight.sql.catalog.Table;
import io.pgsight.sql.spi.PgType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Name-to-OID and OID-to-name lookups behind the reg* types and the catalog functions. */
public final class ObjectNames {
    enum Kind { RELATION, TYPE, FUNCTION, FUNCTION_SIGNATURE, OPERATOR, OPERATOR_SIGNATURE, NAMESPACE, ROLE }

    private ObjectNames() {
    }

    static int lookup(Catalog c, Kind kind, String text) {
        List<String> parts = splitName(text);
        String name = parts.get(parts.size() - 1);
        String schema = parts.size() > 1 ? parts.get(parts.size() - 2) : null;
        switch (kind) {
            case RELATION -> {
                int oid = relationOid(c, schema, name);
                if (oid == 0) {
                    throw new SqlException("42P01", "relation \"" + text + "\" does not exist");
                }
                return oid;
            }
            case TYPE -> {
                // SQL spelling: unquoted char is character(1); "char" (quoted) is the one-byte type
                String spelled = text.trim();
                PgType t = c.typeByName(spelled.equalsIgnoreCase("char") ? "bpchar" : spelled);
                if (t == null && schema != null) {
                    t = c.typeByName(name);
                }
                if (t == null) {
                    throw new SqlException("42704", "type \"" + text + "\" does not exist");
                }
                return t.oid();
            }
            case FUNCTION, FUNCTION_SIGNATURE -> {
                String fname = kind == Kind.FUNCTION_SIGNATURE && name.contains("(") ? name.substring(0, name.indexOf('(')) : name;
                List<FunctionEntry> fs = c.functions(fname);
                if (fs.isEmpty() && BuiltinReference.get().procedureOid(fname) != 0) {
                    return BuiltinReference.get().procedureOid(fname);
                }
                if (fs.isEmpty()) {
                    throw new SqlException("42883", "function \"" + text + "\" does not exist");
                }
                if (fs.size() > 1 && kind == Kind.FUNCTION) {
                    throw new SqlException("42725", "more than one function named \"" + text + "\"");
                }
                return fs.get(0).oid();
            }
            case OPERATOR, OPERATOR_SIGNATURE -> {
                String sym = name.contains("(") ? name.substring(0, name.indexOf('(')) : name;
                List<OperatorEntry> os = c.operators(sym);
                if (os.isEmpty()) {
                    throw new SqlException("42883", "operator does not exist: " + text);
                }
                if (os.size() > 1 && kind == Kind.OPERATOR) {
                    throw new SqlException("42725", "more than one operator named " + text);
                }
                return os.get(0).oid();
            }
            case NAMESPACE -> {
                int oid = c.schemaOid(name);
                if (oid == 0) {
                    throw new SqlException("3F000", "schema \"" + text + "\" does not exist");
                }
                return oid;
            }
            default -> {
                if (name.equals(CatalogContext.SUPERUSER)) {
                    return CatalogContext.SUPERUSER_OID;
                }
                throw new SqlException("42704", "role \"" + text + "\" does not exist");
            }
        }
    }

    static String name(Catalog c, Kind kind, int oid) {
        switch (kind) {
            case RELATION -> {
                return relationName(c, oid);
            }
            case TYPE -> {
                PgType t = c.typeByOid(oid);
                return t == null ? null : c.formatType(t);
            }
            case FUNCTION, FUNCTION_SIGNATURE -> {
                for (FunctionEntry f : c.allFunctions()) {
                    if (f.oid() == oid) {
                        return kind == Kind.FUNCTION ? f.name() : f.signature(c::formatType);
                    }
                }
                return BuiltinReference.get().procedureName(oid);
            }
            case OPERATOR, OPERATOR_SIGNATURE -> {
                for (OperatorEntry o : c.allOperators()) {
                    if (o.oid() == oid) {
                        return kind == Kind.OPERATOR ? o.symbol() : o.symbol() + "("
                                + (o.left() == null ? "NONE" : c.formatType(o.left())) + "," + c.formatType(o.right()) + ")";
                    }
                }
                return null;
            }
            case NAMESPACE -> {
                for (String s : c.schemaNames()) {
                    if (c.schemaOid(s) == oid) {
                        return quoteIdent(s);
                    }
                }
                return null;
            }
            default -> {
                return oid == CatalogContext.SUPERUSER_OID ? CatalogContext.SUPERUSER : null;
            }
        }
    }

    /** OID of a table, view, index, sequence or system relation, searching pg_catalog then public when unqualified. */
    static int relationOid(Catalog c, String schema, String name) {
        SystemRelation sys = SystemRelations.find(schema, name);
        if (sys != null) {
            return sys.oid();
        }
        Table t = c.relation(schema, name);
        if (t != null) {
            return t.oid();
        }
        IndexEntry i = c.indexByName(schema == null ? "public" : schema, name);
        if (i != null) {
            return i.oid();
        }
        Sequence s = c.sequence(schema, name);
        return s == null ? 0 : s.oid();
    }

    /** What regclass prints: the name, schema-qualified when its schema is not on the search path. */
    static String relationName(Catalog c, int oid) {
        String[] sn = relationSchemaAndName(c, oid);
        if (sn == null) {
            return null;
        }
        boolean visible = sn[0].equals("public") || sn[0].equals("pg_catalog");
        return (visible ? "" : quoteIdent(sn[0]) + ".") + quoteIdent(sn[1]);
    }

    static String[] relationSchemaAndName(Catalog c, int oid) {
        SystemRelation sys = SystemRelations.byOid(oid);
        if (sys != null) {
            return new String[] {sys.schema(), sys.name()};
        }
        for (Table t : c.relations()) {
            if (t.oid() == oid) {
                return new String[] {t.schema(), t.name()};
            }
            for (IndexEntry i : t.indexes()) {
                if (i.oid() == oid) {
                    return new String[] {t.schema(), i.name()};
                }
            }
        }
        for (Sequence s : c.allSequences()) {
            if (s.oid() == oid) {
                return new String[] {s.schema(), s.name()};
            }
        }
        return null;
    }

    /** Splits {@code a.b}, {@code "A"."b c"}: quoted parts keep case, unquoted ones fold to lower case. */
    public static List<String> splitName(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        String s = text.trim();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
                wasQuoted = true;
            } else if (ch == '.') {
                out.add(cur.toString());
                cur.setLength(0);
                wasQuoted = false;
            } else {
                cur.append(wasQuoted ? ch : Character.toLowerCase(ch));
            }
        }
        out.add(wasQuoted ? cur.toString() : cur.toString().toLowerCase(Locale.ROOT));
        return out;
    }

    public static String quoteIdent(String s) {
        return io.pgsight.sql.builtin.string.QuoteFunctions.quoteIdent(s);
    }
}
