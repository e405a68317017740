package io.pgsight.sql.analyze;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.PgType;

import java.util.ArrayList;
import java.util.List;

/**
 * The names visible at one query level: FROM items (with their columns' slots in the joined row)
 * and merged JOIN ... USING columns. {@code parent} is the enclosing query level (correlation).
 */
public final class Scope {
    public record Col(String name, PgType type, int typmod, int slot, int tableOid, int attnum) {
    }

    /** {@code scalarFunction}: a function in FROM returning a base type, whose whole-row reference is its value. */
    public record Item(String alias, List<Col> columns, int tableOid, boolean hasRealAlias, boolean scalarFunction) {
    }

    final Scope parent;
    final List<Item> items = new ArrayList<>();
    /** Columns merged by USING/NATURAL: name -> expression (a Var or COALESCE). */
    final java.util.Map<String, TExpr> merged = new java.util.LinkedHashMap<>();
    int width;
    /** How often names of this level were resolved from a nested query (correlation detection). */
    int refsFromBelow;

    public Scope(Scope parent) {
        this.parent = parent;
    }

    public int width() {
        return width;
    }

    public List<Item> items() {
        return items;
    }

    /** Adds a FROM item whose columns occupy the next slots of the row. */
    public Item add(String alias, List<Col> columnsRelative, int tableOid, boolean realAlias) {
        return add(alias, columnsRelative, tableOid, realAlias, false);
    }

    /** Like {@link #add(String, List, int, boolean)}, for a function in FROM ({@code scalar}: it returns a base type). */
    public Item add(String alias, List<Col> columnsRelative, int tableOid, boolean realAlias, boolean scalar) {
        List<Col> cols = new ArrayList<>();
        for (Col c : columnsRelative) {
            cols.add(new Col(c.name(), c.type(), c.typmod(), c.slot() + width, c.tableOid(), c.attnum()));
        }
        Item it = new Item(alias, cols, tableOid, realAlias, scalar);
        items.add(it);
        int max = width;
        for (Col c : cols) {
            max = Math.max(max, c.slot() + 1);
        }
        width = Math.max(max, width + columnsRelative.size());
        return it;
    }

    /** Appends all items of another scope, shifting their slots by this scope's width. */
    public void absorb(Scope other) {
        int base = width;
        for (Item it : other.items) {
            List<Col> cols = new ArrayList<>();
            for (Col c : it.columns()) {
                cols.add(new Col(c.name(), c.type(), c.typmod(), c.slot() + base, c.tableOid(), c.attnum()));
            }
            items.add(new Item(it.alias(), cols, it.tableOid(), it.hasRealAlias(), it.scalarFunction()));
        }
        other.merged.forEach((k, v) -> merged.put(k, ExprRewrite.shift(v, base)));
        width = base + other.width;
    }

    /** Resolves a column name, unqualified or qualified; throws PostgreSQL's errors. */
    public TExpr resolve(List<String> names, int location, boolean qualifyInExplain) {
        int level = 0;
        for (Scope s = this; s != null; s = s.parent, level++) {
            TExpr found = s.find(names, location, level, qualifyInExplain);
            if (found != null) {
                if (level > 0) {
                    s.refsFromBelow++;
                }
                return found;
            }
        }
        if (names.size() == 1) {
            throw new SqlException("42703", "column \"" + names.get(0) + "\" does not exist").withPosition(location);
        }
        String rel = names.get(names.size() - 2);
        for (Scope s = this; s != null; s = s.parent) {
            for (Item it : s.items) {
                if (rel.equals(it.alias())) {
                    throw new SqlException("42703", "column " + rel + "." + names.get(names.size() - 1)
                            + " does not exist").withPosition(location);
                }
            }
        }
        throw new SqlException("42P01", "missing FROM-clause entry for table \"" + rel + "\"").withPosition(location);
    }

    private TExpr find(List<String> names, int location, int level, boolean qualify) {
        String col = names.get(names.size() - 1);
        if (names.size() == 1) {
            TExpr m = merged.get(col);
            if (m != null) {
                return level == 0 ? m : ExprRewrite.raise(m, level);
            }
            TExpr found = null;
            for (Item it : items) {
                for (Col c : it.columns()) {
                    if (c.name().equals(col)) {
                        if (found != null) {
                            throw new SqlException("42702", "column reference \"" + col + "\" is ambiguous")
                                    .withPosition(location);
                        }
                        found = new TExpr.Var(level, c.slot(), c.type(), c.typmod(), c.name(),
                                qualify ? it.alias() : null);
                    }
                }
            }
            if (found == null && col.equals(TABLEOID)) {
                for (Item it : items) {
                    if (it.tableOid() != 0) {
                        if (found != null) {
                            throw new SqlException("42702", "column reference \"" + col + "\" is ambiguous")
                                    .withPosition(location);
                        }
                        found = tableOid(it, location);
                    }
                }
            }
            return found;
        }
        String rel = names.get(names.size() - 2);
        for (Item it : items) {
            if (rel.equals(it.alias())) {
                for (Col c : it.columns()) {
                    if (c.name().equals(col)) {
                        return new TExpr.Var(level, c.slot(), c.type(), c.typmod(), c.name(), qualify ? it.alias() : null);
                    }
                }
                if (col.equals(TABLEOID) && it.tableOid() != 0) {
                    return tableOid(it, location);
                }
                throw new SqlException("42703", "column " + rel + "." + col + " does not exist").withPosition(location);
            }
        }
        return null;
    }

    /**
     * The whole row of the FROM item named {@code alias} (this level first, then enclosing ones) as a
     * row value with the item's column names, or null when no item has that name.
     */
    public TExpr wholeRow(String alias) {
        int level = 0;
        for (Scope s = this; s != null; s = s.parent, level++) {
            Item it = s.item(alias);
            if (it != null) {
                if (level > 0) {
                    s.refsFromBelow++;
                }
                if (it.scalarFunction() && it.columns().size() == 1) {
                    Col c = it.columns().get(0); // PostgreSQL: the whole row of a scalar function is its value
                    return new TExpr.Var(level, c.slot(), c.type(), c.typmod(), c.name(), alias);
                }
                List<TExpr> vars = new ArrayList<>();
                List<String> names = new ArrayList<>();
                for (Col c : it.columns()) {
                    vars.add(new TExpr.Var(level, c.slot(), c.type(), c.typmod(), c.name(), alias));
                    names.add(c.name());
                }
                return RowExpressions.construct(vars, names);
            }
        }
        return null;
    }

    /** The system column every table has: the OID of the table a row comes from. */
    private static final String TABLEOID = "tableoid";

    private static TExpr tableOid(Item it, int location) {
        return new TExpr.Const(it.tableOid(), io.pgsight.sql.builtin.types.BuiltinTypes.byOid(26), -1, location);
    }

    /** Sum of references into this scope and its ancestors from nested queries. */
    public int outerReferenceCount() {
        int n = 0;
        for (Scope s = this; s != null; s = s.parent) {
            n += s.refsFromBelow;
        }
        return n;
    }

    public Item item(String alias) {
        for (Item it : items) {
            if (alias.equals(it.alias())) {
                return it;
            }
        }
        return null;
    }
}
