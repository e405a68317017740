package io.pgsight.sql.builtin.json.path;

import io.pgsight.sql.builtin.json.JsonbOutput;
import io.pgsight.sql.builtin.json.JsonbValue.JNumber;
import io.pgsight.sql.builtin.json.path.PathItem.AnyArray;
import io.pgsight.sql.builtin.json.path.PathItem.AnyKey;
import io.pgsight.sql.builtin.json.path.PathItem.AnyPath;
import io.pgsight.sql.builtin.json.path.PathItem.Binary;
import io.pgsight.sql.builtin.json.path.PathItem.Chain;
import io.pgsight.sql.builtin.json.path.PathItem.Current;
import io.pgsight.sql.builtin.json.path.PathItem.DateTime;
import io.pgsight.sql.builtin.json.path.PathItem.Exists;
import io.pgsight.sql.builtin.json.path.PathItem.Filter;
import io.pgsight.sql.builtin.json.path.PathItem.Index;
import io.pgsight.sql.builtin.json.path.PathItem.IsUnknown;
import io.pgsight.sql.builtin.json.path.PathItem.Key;
import io.pgsight.sql.builtin.json.path.PathItem.Last;
import io.pgsight.sql.builtin.json.path.PathItem.LikeRegex;
import io.pgsight.sql.builtin.json.path.PathItem.Literal;
import io.pgsight.sql.builtin.json.path.PathItem.Method;
import io.pgsight.sql.builtin.json.path.PathItem.Not;
import io.pgsight.sql.builtin.json.path.PathItem.Root;
import io.pgsight.sql.builtin.json.path.PathItem.Step;
import io.pgsight.sql.builtin.json.path.PathItem.Subscript;
import io.pgsight.sql.builtin.json.path.PathItem.Unary;
import io.pgsight.sql.builtin.json.path.PathItem.Variable;

/**
 * jsonpath's output text as PostgreSQL normalizes it: keys and variables quoted, binary operations in
 * parentheses where the operand binds no tighter than its parent (and the whole expression too).
 */
final class JsonPathPrinter {
    private static final int DEFAULT_PRIORITY = 6;

    private JsonPathPrinter() {
    }

    static String print(JsonPath path) {
        StringBuilder sb = new StringBuilder();
        if (!path.lax()) {
            sb.append("strict ");
        }
        item(sb, path.expression(), true);
        return sb.toString();
    }

    static int priority(PathItem item) {
        if (item instanceof Binary b) {
            return b.op().priority;
        } else if (item instanceof Unary) {
            return 5;
        } else if (item instanceof Chain c) {
            return priority(c.head());
        }
        return DEFAULT_PRIORITY;
    }

    private static void operand(StringBuilder sb, PathItem operand, int parentPriority) {
        item(sb, operand, priority(operand) <= parentPriority);
    }

    private static void item(StringBuilder sb, PathItem item, boolean brackets) {
        if (item instanceof Literal l) {
            sb.append(l.value().toString());
        } else if (item instanceof Binary b) {
            open(sb, brackets);
            operand(sb, b.left(), b.op().priority);
            sb.append(' ').append(b.op().text).append(' ');
            operand(sb, b.right(), b.op().priority);
            close(sb, brackets);
        } else if (item instanceof Unary u) {
            open(sb, brackets);
            sb.append(u.minus() ? '-' : '+');
            operand(sb, u.operand(), 5);
            close(sb, brackets);
        } else if (item instanceof LikeRegex r) {
            open(sb, brackets);
            operand(sb, r.operand(), DEFAULT_PRIORITY);
            sb.append(" like_regex ");
            JsonbOutput.quote(sb, r.pattern());
            if (!r.flags().isEmpty()) {
                sb.append(" flag \"").append(r.flags()).append('"');
            }
            close(sb, brackets);
        } else if (item instanceof Not n) {
            sb.append("!(");
            item(sb, n.operand(), false);
            sb.append(')');
        } else if (item instanceof IsUnknown u) {
            sb.append('(');
            item(sb, u.operand(), false);
            sb.append(") is unknown");
        } else if (item instanceof Exists e) {
            sb.append("exists (");
            item(sb, e.operand(), false);
            sb.append(')');
        } else if (item instanceof Root) {
            sb.append('$');
        } else if (item instanceof Current) {
            sb.append('@');
        } else if (item instanceof Last) {
            sb.append("last");
        } else if (item instanceof Variable v) {
            sb.append('$');
            JsonbOutput.quote(sb, v.name());
        } else if (item instanceof Chain c) {
            if (c.head() instanceof Literal l && l.value() instanceof JNumber) {
                sb.append('(').append(l.value()).append(')');
            } else {
                item(sb, c.head(), brackets);
            }
            for (Step s : c.steps()) {
                step(sb, s);
            }
        }
    }

    private static void step(StringBuilder sb, Step step) {
        if (step instanceof Key k) {
            sb.append('.');
            JsonbOutput.quote(sb, k.name());
        } else if (step instanceof AnyKey) {
            sb.append(".*");
        } else if (step instanceof AnyArray) {
            sb.append("[*]");
        } else if (step instanceof Index ix) {
            sb.append('[');
            for (int i = 0; i < ix.subscripts().size(); i++) {
                Subscript s = ix.subscripts().get(i);
                if (i > 0) {
                    sb.append(',');
                }
                item(sb, s.from(), false);
                if (s.to() != null) {
                    sb.append(" to ");
                    item(sb, s.to(), false);
                }
            }
            sb.append(']');
        } else if (step instanceof AnyPath a) {
            sb.append(".**");
            if (a.first() == 0 && a.last() == AnyPath.LAST) {
                return;
            }
            sb.append('{').append(level(a.first()));
            if (a.first() != a.last()) {
                sb.append(" to ").append(level(a.last()));
            }
            sb.append('}');
        } else if (step instanceof Filter f) {
            sb.append("?(");
            item(sb, f.predicate(), false);
            sb.append(')');
        } else if (step instanceof Method m) {
            sb.append('.').append(m.name()).append("()");
        } else if (step instanceof DateTime d) {
            sb.append(".datetime(");
            if (d.template() != null) {
                JsonbOutput.quote(sb, d.template());
            }
            sb.append(')');
        }
    }

    private static String level(long level) {
        return level == AnyPath.LAST ? "last" : Long.toString(level);
    }

    private static void open(StringBuilder sb, boolean brackets) {
        if (brackets) {
            sb.append('(');
        }
    }

    private static void close(StringBuilder sb, boolean brackets) {
        if (brackets) {
            sb.append(')');
        }
    }
}
