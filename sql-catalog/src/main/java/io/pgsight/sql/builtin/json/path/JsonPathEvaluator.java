package io.pgsight.sql.builtin.json.path;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.json.JsonbValue;
import io.pgsight.sql.builtin.json.JsonbValue.JArray;
import io.pgsight.sql.builtin.json.JsonbValue.JBool;
import io.pgsight.sql.builtin.json.JsonbValue.JNull;
import io.pgsight.sql.builtin.json.JsonbValue.JNumber;
import io.pgsight.sql.builtin.json.JsonbValue.JObject;
import io.pgsight.sql.builtin.json.JsonbValue.JString;
import io.pgsight.sql.builtin.json.JsonbValue.Member;
import io.pgsight.sql.builtin.json.path.PathItem.Operator;
import io.pgsight.sql.builtin.json.path.PathItem.Step;
import io.pgsight.sql.builtin.types.ValueOrder;
import io.pgsight.sql.format.PgNumeric;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a jsonpath against one jsonb document as PostgreSQL's executor does: lax mode unwraps arrays
 * for accessors and comparisons and ignores structural errors; strict mode reports them. Errors are
 * thrown unless the call is silent, in which case they end the evaluation with {@link Status#ERROR}.
 * One instance per evaluation (it holds the filter's current item and the innermost array size).
 */
public final class JsonPathEvaluator {
    public enum Status { OK, NOT_FOUND, ERROR }

    private enum Bool { TRUE, FALSE, UNKNOWN }

    /** The steps of a chain still to apply, from {@code index} on. */
    record Rest(List<Step> steps, int index) {
        static final Rest NONE = new Rest(List.of(), 0);

        boolean isEmpty() {
            return index >= steps.size();
        }

        Step first() {
            return steps.get(index);
        }

        Rest tail() {
            return new Rest(steps, index + 1);
        }

        Rest prepend(List<Step> before) {
            if (before.isEmpty()) {
                return this;
            }
            List<Step> all = new ArrayList<>(before);
            all.addAll(steps.subList(index, steps.size()));
            return new Rest(all, 0);
        }
    }

    private final boolean lax;
    private final JsonbValue root;
    private final JObject vars;
    private boolean throwErrors;
    private boolean ignoreStructuralErrors;
    private JsonbValue current;
    private int innermostArraySize = -1;
    /** The stored jsonb the current item lies in and its number, for .keyvalue()'s ids. */
    private JsonbValue baseObject;
    private long baseId;
    private long nextGeneratedId;
    /** The session zone in the _tz functions, else null (casts needing a zone are refused). */
    private final java.time.ZoneId zone;
    /** The strings .datetime() made, with what they stand for: they compare and type as datetimes. */
    private final java.util.IdentityHashMap<JsonbValue, DateTimeItem> datetimes = new java.util.IdentityHashMap<>();

    private JsonPathEvaluator(JsonPath path, JsonbValue root, JObject vars, boolean silent, java.time.ZoneId zone) {
        this.zone = zone;
        this.lax = path.lax();
        this.root = root;
        this.vars = vars;
        this.throwErrors = !silent;
        this.ignoreStructuralErrors = lax;
        this.current = root;
    }

    /** Runs {@code body} with {@code base} (numbered {@code id}) as the stored jsonb items come from. */
    Status withBase(JsonbValue base, long id, java.util.function.Supplier<Status> body) {
        JsonbValue savedBase = baseObject;
        long savedId = baseId;
        baseObject = base;
        baseId = id;
        try {
            return body.get();
        } finally {
            baseObject = savedBase;
            baseId = savedId;
        }
    }

    /** .keyvalue()'s id of an object: its base's number times 10^10 plus its offset in that base. */
    long objectId(JsonbValue object) {
        long offset = baseObject == null ? 0 : Math.max(JsonbLayout.offsetOf(baseObject, object), 0);
        return baseId * 10_000_000_000L + offset;
    }

    long generateId() {
        return nextGeneratedId++;
    }

    /**
     * Evaluates {@code path} on {@code document}; the results go to {@code found} (null to learn only
     * whether there is any).
     */
    public static Status execute(JsonPath path, JsonbValue document, JsonbValue vars, boolean silent,
                                 List<JsonbValue> found) {
        return execute(path, document, vars, silent, found, null);
    }

    /** As {@link #execute(JsonPath, JsonbValue, JsonbValue, boolean, List)}, with the session zone of a _tz function. */
    public static Status execute(JsonPath path, JsonbValue document, JsonbValue vars, boolean silent,
                                 List<JsonbValue> found, java.time.ZoneId zone) {
        JObject varsObject;
        if (vars == null) {
            varsObject = JObject.empty();
        } else if (vars instanceof JObject o) {
            varsObject = o;
        } else {
            throw new SqlException("22023", "\"vars\" argument is not an object")
                    .withDetail("Jsonpath parameters should be encoded as key-value pairs of \"vars\" object.");
        }
        JsonPathEvaluator ev = new JsonPathEvaluator(path, document, varsObject, silent, zone);
        // the operators pass no vars; PostgreSQL numbers generated objects from 1 then, else from 2
        ev.nextGeneratedId = vars == null ? 1 : 2;
        if (!ev.lax && found == null) {
            // strict mode must see every value to know that none of them is an error
            List<JsonbValue> all = new ArrayList<>();
            Status s = ev.eval(path.expression(), Rest.NONE, document, all);
            return s == Status.ERROR ? s : all.isEmpty() ? Status.NOT_FOUND : Status.OK;
        }
        return ev.eval(path.expression(), Rest.NONE, document, found);
    }

    private Status fail(String sqlState, String message) {
        return fail(new SqlException(sqlState, message));
    }

    private Status fail(SqlException e) {
        if (throwErrors) {
            throw e;
        }
        return Status.ERROR;
    }

    private static boolean stop(Status s, List<JsonbValue> found) {
        return s == Status.ERROR || s == Status.OK && found == null;
    }

    /** The status of a loop so far and one more item: an error ends it, else any result makes it OK. */
    private static Status merge(Status soFar, Status s) {
        if (s == Status.ERROR || soFar == Status.ERROR) {
            return Status.ERROR;
        }
        return soFar == Status.OK || s == Status.OK ? Status.OK : s;
    }

    /** Hands {@code v} to the rest of the chain, or to the results when the chain ends. */
    private Status next(Rest rest, JsonbValue v, List<JsonbValue> found) {
        if (rest.isEmpty()) {
            if (found != null) {
                found.add(v);
            }
            return Status.OK;
        }
        return step(rest, v, found, lax);
    }

    private Status eval(PathItem item, Rest rest, JsonbValue jb, List<JsonbValue> found) {
        if (item instanceof PathItem.Chain c) {
            return eval(c.head(), rest.prepend(c.steps()), jb, found);
        } else if (item instanceof PathItem.Literal l) {
            return next(rest, l.value(), found);
        } else if (item instanceof PathItem.Root) {
            return withBase(root, 0, () -> next(rest, root, found));
        } else if (item instanceof PathItem.Current) {
            return next(rest, current, found);
        } else if (item instanceof PathItem.Last) {
            if (innermostArraySize < 0) {
                throw new SqlException("XX000", "evaluating jsonpath LAST outside of array subscript");
            }
            return next(rest, new JNumber(BigDecimal.valueOf(innermostArraySize - 1L)), found);
        } else if (item instanceof PathItem.Variable v) {
            JsonbValue value = vars.get(v.name());
            if (value == null) {
                throw new SqlException("42704", "could not find jsonpath variable \"" + v.name() + "\"");
            }
            return withBase(vars, 1, () -> next(rest, value, found));
        } else if (item instanceof PathItem.Binary b && b.op().isArithmetic()) {
            return arithmetic(b, rest, jb, found);
        } else if (item instanceof PathItem.Unary u) {
            return unary(u, rest, jb, found);
        }
        Bool st = bool(item, jb);
        return next(rest, st == Bool.UNKNOWN ? JsonbValue.NULL : st == Bool.TRUE ? JsonbValue.TRUE : JsonbValue.FALSE,
                found);
    }

    /** Evaluates {@code item}; in lax mode with {@code unwrap} the arrays among its results give their elements. */
    private Status values(PathItem item, JsonbValue jb, boolean unwrap, List<JsonbValue> out) {
        if (!(unwrap && lax)) {
            return eval(item, Rest.NONE, jb, out);
        }
        List<JsonbValue> raw = new ArrayList<>();
        Status s = eval(item, Rest.NONE, jb, raw);
        if (s == Status.ERROR) {
            return s;
        }
        for (JsonbValue v : raw) {
            if (v instanceof JArray a) {
                out.addAll(a.elements());
            } else {
                out.add(v);
            }
        }
        return s;
    }

    private Status valuesNoThrow(PathItem item, JsonbValue jb, boolean unwrap, List<JsonbValue> out) {
        boolean saved = throwErrors;
        throwErrors = false;
        try {
            return values(item, jb, unwrap, out);
        } finally {
            throwErrors = saved;
        }
    }

    private Status arithmetic(PathItem.Binary b, Rest rest, JsonbValue jb, List<JsonbValue> found) {
        List<JsonbValue> left = new ArrayList<>();
        Status s = values(b.left(), jb, true, left);
        if (s == Status.ERROR) {
            return s;
        }
        List<JsonbValue> right = new ArrayList<>();
        s = values(b.right(), jb, true, right);
        if (s == Status.ERROR) {
            return s;
        }
        if (left.size() != 1 || !(left.get(0) instanceof JNumber l)) {
            return fail("22038", "left operand of jsonpath operator " + b.op().text + " is not a single numeric value");
        }
        if (right.size() != 1 || !(right.get(0) instanceof JNumber r)) {
            return fail("22038", "right operand of jsonpath operator " + b.op().text + " is not a single numeric value");
        }
        PgNumeric x = PgNumeric.of(l.value());
        PgNumeric y = PgNumeric.of(r.value());
        PgNumeric result;
        try {
            result = switch (b.op()) {
                case ADD -> x.add(y);
                case SUB -> x.subtract(y);
                case MUL -> x.multiply(y);
                case DIV -> x.divide(y);
                default -> x.mod(y);
            };
        } catch (SqlException e) {
            if (throwErrors) {
                throw e;
            }
            return Status.ERROR;
        }
        return next(rest, new JNumber(result.bigDecimal()), found);
    }

    private Status unary(PathItem.Unary u, Rest rest, JsonbValue jb, List<JsonbValue> found) {
        List<JsonbValue> operands = new ArrayList<>();
        Status s = values(u.operand(), jb, true, operands);
        if (s == Status.ERROR) {
            return s;
        }
        Status res = Status.NOT_FOUND;
        for (JsonbValue v : operands) {
            if (!(v instanceof JNumber n)) {
                if (found == null && rest.isEmpty()) {
                    continue;
                }
                return fail("22038", "operand of unary jsonpath operator " + (u.minus() ? "-" : "+")
                        + " is not a numeric value");
            }
            JsonbValue value = u.minus() ? new JNumber(n.value().negate()) : n;
            res = merge(res, next(rest, value, found));
            if (stop(res, found)) {
                return res;
            }
        }
        return res;
    }

    // ---- accessors, filters and methods

    private Status step(Rest rest, JsonbValue jb, List<JsonbValue> found, boolean unwrap) {
        Step step = rest.first();
        Rest after = rest.tail();
        if (step instanceof PathItem.Key k) {
            if (jb instanceof JObject o) {
                JsonbValue v = o.get(k.name());
                if (v != null) {
                    return next(after, v, found);
                }
                return ignoreStructuralErrors ? Status.NOT_FOUND
                        : fail("2203A", "JSON object does not contain key \"" + k.name() + "\"");
            }
            if (unwrap && jb instanceof JArray a) {
                return unwrapArray(rest, a, found);
            }
            return ignoreStructuralErrors ? Status.NOT_FOUND
                    : fail("2203A", "jsonpath member accessor can only be applied to an object");
        } else if (step instanceof PathItem.AnyKey) {
            if (jb instanceof JObject o) {
                Status res = Status.NOT_FOUND;
                for (Member m : o.members()) {
                    res = merge(res, next(after, m.value(), found));
                    if (stop(res, found)) {
                        return res;
                    }
                }
                return res;
            }
            if (unwrap && jb instanceof JArray a) {
                return unwrapArray(rest, a, found);
            }
            return ignoreStructuralErrors ? Status.NOT_FOUND
                    : fail("2203C", "jsonpath wildcard member accessor can only be applied to an object");
        } else if (step instanceof PathItem.AnyArray) {
            if (jb instanceof JArray a) {
                Status res = Status.NOT_FOUND;
                for (JsonbValue e : a.elements()) {
                    res = merge(res, next(after, e, found));
                    if (stop(res, found)) {
                        return res;
                    }
                }
                return res;
            }
            if (lax) {
                return next(after, jb, found);
            }
            return ignoreStructuralErrors ? Status.NOT_FOUND
                    : fail("22039", "jsonpath wildcard array accessor can only be applied to an array");
        } else if (step instanceof PathItem.Index ix) {
            return index(ix, after, jb, found);
        } else if (step instanceof PathItem.AnyPath any) {
            return anyPath(any, after, jb, found);
        } else if (step instanceof PathItem.Filter f) {
            if (unwrap && jb instanceof JArray a) {
                return unwrapArray(rest, a, found);
            }
            JsonbValue saved = current;
            current = jb;
            Bool st;
            try {
                st = bool(f.predicate(), jb);
            } finally {
                current = saved;
            }
            return st == Bool.TRUE ? next(after, jb, found) : Status.NOT_FOUND;
        } else if (step instanceof PathItem.DateTime d) {
            if (unwrap && jb instanceof JArray a) {
                return unwrapArray(rest, a, found);
            }
            if (!(jb instanceof JString s) || isDateTime(jb)) {
                return fail("22031", "jsonpath item method .datetime() can only be applied to a string");
            }
            if (d.template() != null) {
                throw new SqlException("0A000", "jsonpath item method .datetime() with a template is not supported");
            }
            DateTimeItem item = DateTimeItem.parse(s.value());
            if (item == null) {
                return fail(new SqlException("22031", "datetime format is not recognized: \"" + s.value() + "\"")
                        .withHint("Use a datetime template argument to specify the input data format."));
            }
            JString value = new JString(item.text());
            datetimes.put(value, item);
            return next(after, value, found);
        }
        return ItemMethods.apply(this, ((PathItem.Method) step).name(), rest, jb, found, unwrap);
    }

    /** Applies the first step of {@code rest} to each element of {@code array} (one level, no further unwrapping). */
    Status unwrapArray(Rest rest, JArray array, List<JsonbValue> found) {
        Status res = Status.NOT_FOUND;
        for (JsonbValue e : array.elements()) {
            res = merge(res, step(rest, e, found, false));
            if (stop(res, found)) {
                return res;
            }
        }
        return res;
    }

    private Status index(PathItem.Index ix, Rest after, JsonbValue jb, List<JsonbValue> found) {
        if (!(jb instanceof JArray) && !lax) {
            return ignoreStructuralErrors ? Status.NOT_FOUND
                    : fail("22039", "jsonpath array accessor can only be applied to an array");
        }
        List<JsonbValue> elements = jb instanceof JArray a ? a.elements() : null;
        int size = elements == null ? 1 : elements.size();
        int savedSize = innermostArraySize;
        innermostArraySize = size;
        Status res = Status.NOT_FOUND;
        try {
            for (PathItem.Subscript sub : ix.subscripts()) {
                long[] from = new long[1];
                Status s = arrayIndex(sub.from(), jb, from);
                if (s == Status.ERROR) {
                    return s;
                }
                long[] to = {from[0]};
                if (sub.to() != null) {
                    s = arrayIndex(sub.to(), jb, to);
                    if (s == Status.ERROR) {
                        return s;
                    }
                }
                long lo = from[0];
                long hi = to[0];
                if (!ignoreStructuralErrors && (lo < 0 || lo > hi || hi >= size)) {
                    return fail("22033", "jsonpath array subscript is out of bounds");
                }
                lo = Math.max(lo, 0);
                hi = Math.min(hi, size - 1L);
                for (long i = lo; i <= hi; i++) {
                    JsonbValue v = elements == null ? jb : elements.get((int) i);
                    res = merge(res, next(after, v, found));
                    if (stop(res, found)) {
                        return res;
                    }
                }
            }
            return res;
        } finally {
            innermostArraySize = savedSize;
        }
    }

    private Status arrayIndex(PathItem subscript, JsonbValue jb, long[] out) {
        List<JsonbValue> vals = new ArrayList<>();
        Status s = eval(subscript, Rest.NONE, jb, vals);
        if (s == Status.ERROR) {
            return s;
        }
        if (vals.size() != 1 || !(vals.get(0) instanceof JNumber n)) {
            return fail("22033", "jsonpath array subscript is not a single numeric value");
        }
        BigDecimal truncated = n.value().setScale(0, java.math.RoundingMode.DOWN);
        if (truncated.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
                || truncated.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0) {
            return fail("22033", "jsonpath array subscript is out of integer range");
        }
        out[0] = truncated.longValue();
        return Status.OK;
    }

    private Status anyPath(PathItem.AnyPath any, Rest after, JsonbValue jb, List<JsonbValue> found) {
        Status res = Status.NOT_FOUND;
        if (any.first() == 0) {
            boolean saved = ignoreStructuralErrors;
            ignoreStructuralErrors = true;
            try {
                res = next(after, jb, found);
            } finally {
                ignoreStructuralErrors = saved;
            }
            if (res == Status.OK && found == null) {
                return res;
            }
        }
        if (jb instanceof JArray || jb instanceof JObject) {
            // PostgreSQL lets the levels' status replace the first try's, even an error of it
            res = anyLevels(after, jb, found, 1, any.first(), any.last());
        }
        return res;
    }

    private Status anyLevels(Rest after, JsonbValue container, List<JsonbValue> found, long level, long first,
                             long last) {
        Status res = Status.NOT_FOUND;
        if (level > last) {
            return res;
        }
        List<JsonbValue> children = new ArrayList<>();
        if (container instanceof JArray a) {
            children.addAll(a.elements());
        } else {
            for (Member m : ((JObject) container).members()) {
                children.add(m.value());
            }
        }
        for (JsonbValue v : children) {
            boolean nested = v instanceof JArray || v instanceof JObject;
            if (level >= first || (first == PathItem.AnyPath.LAST && last == PathItem.AnyPath.LAST && !nested)) {
                if (after.isEmpty()) {
                    if (found == null) {
                        return Status.OK;
                    }
                    found.add(v);
                    res = Status.OK;
                } else {
                    boolean saved = ignoreStructuralErrors;
                    ignoreStructuralErrors = true;
                    try {
                        res = merge(res, step(after, v, found, lax));
                    } finally {
                        ignoreStructuralErrors = saved;
                    }
                    if (stop(res, found)) {
                        return res;
                    }
                }
            }
            if (level < last && nested) {
                res = merge(res, anyLevels(after, v, found, level + 1, first, last));
                if (stop(res, found)) {
                    return res;
                }
            }
        }
        return res;
    }

    // ---- predicates

    private Bool bool(PathItem item, JsonbValue jb) {
        if (item instanceof PathItem.Binary b) {
            switch (b.op()) {
                case AND: {
                    Bool l = bool(b.left(), jb);
                    if (l == Bool.FALSE) {
                        return l;
                    }
                    Bool r = bool(b.right(), jb);
                    return r == Bool.TRUE ? l : r;
                }
                case OR: {
                    Bool l = bool(b.left(), jb);
                    if (l == Bool.TRUE) {
                        return l;
                    }
                    Bool r = bool(b.right(), jb);
                    return r == Bool.FALSE ? l : r;
                }
                case STARTS_WITH:
                    return predicate(b.left(), b.right(), jb, false, (x, y) -> isString(x) && isString(y)
                            ? (((JString) x).value().startsWith(((JString) y).value()) ? Bool.TRUE : Bool.FALSE)
                            : Bool.UNKNOWN);
                default:
                    return predicate(b.left(), b.right(), jb, true, (x, y) -> compare(b.op(), x, y));
            }
        } else if (item instanceof PathItem.Not n) {
            Bool st = bool(n.operand(), jb);
            return st == Bool.TRUE ? Bool.FALSE : st == Bool.FALSE ? Bool.TRUE : st;
        } else if (item instanceof PathItem.IsUnknown u) {
            return bool(u.operand(), jb) == Bool.UNKNOWN ? Bool.TRUE : Bool.FALSE;
        } else if (item instanceof PathItem.Exists e) {
            if (!lax) {
                List<JsonbValue> vals = new ArrayList<>();
                Status s = valuesNoThrow(e.operand(), jb, false, vals);
                return s == Status.ERROR ? Bool.UNKNOWN : vals.isEmpty() ? Bool.FALSE : Bool.TRUE;
            }
            boolean saved = throwErrors;
            throwErrors = false;
            Status s;
            try {
                s = eval(e.operand(), Rest.NONE, jb, null);
            } finally {
                throwErrors = saved;
            }
            return s == Status.ERROR ? Bool.UNKNOWN : s == Status.OK ? Bool.TRUE : Bool.FALSE;
        } else if (item instanceof PathItem.LikeRegex r) {
            return predicate(r.operand(), null, jb, false, (x, y) -> isString(x)
                    ? (r.compiled().matcher(((JString) x).value()).find() ? Bool.TRUE : Bool.FALSE) : Bool.UNKNOWN);
        }
        throw new IllegalStateException("not a predicate: " + item);
    }

    private interface Test {
        Bool apply(JsonbValue left, JsonbValue right);
    }

    private Bool predicate(PathItem left, PathItem right, JsonbValue jb, boolean unwrapRight, Test test) {
        List<JsonbValue> lvals = new ArrayList<>();
        if (valuesNoThrow(left, jb, true, lvals) == Status.ERROR) {
            return Bool.UNKNOWN;
        }
        List<JsonbValue> rvals = new ArrayList<>();
        if (right == null) {
            rvals.add(null);
        } else if (valuesNoThrow(right, jb, unwrapRight, rvals) == Status.ERROR) {
            return Bool.UNKNOWN;
        }
        boolean error = false;
        boolean found = false;
        for (JsonbValue l : lvals) {
            for (JsonbValue r : rvals) {
                Bool st = test.apply(l, r);
                if (st == Bool.UNKNOWN) {
                    if (!lax) {
                        return Bool.UNKNOWN;
                    }
                    error = true;
                } else if (st == Bool.TRUE) {
                    if (lax) {
                        return Bool.TRUE;
                    }
                    found = true;
                }
            }
        }
        return found ? Bool.TRUE : error ? Bool.UNKNOWN : Bool.FALSE;
    }

    /** A string value (not one .datetime() made). */
    private boolean isString(JsonbValue v) {
        return v instanceof JString && !isDateTime(v);
    }

    boolean isDateTime(JsonbValue v) {
        return datetimes.containsKey(v);
    }

    DateTimeItem dateTime(JsonbValue v) {
        return datetimes.get(v);
    }

    private Bool compare(Operator op, JsonbValue a, JsonbValue b) {
        if (isDateTime(a) || isDateTime(b)) {
            if (!isDateTime(a) || !isDateTime(b)) {
                return b instanceof JNull || a instanceof JNull ? (op == Operator.NE ? Bool.TRUE : Bool.FALSE)
                        : Bool.UNKNOWN;
            }
            Integer c = DateTimeItem.compare(datetimes.get(a), datetimes.get(b), zone);
            return c == null ? Bool.UNKNOWN : result(op, c);
        }
        if (a.getClass() != b.getClass()) {
            if (a instanceof JNull || b instanceof JNull) {
                return op == Operator.NE ? Bool.TRUE : Bool.FALSE;
            }
            return Bool.UNKNOWN;
        }
        int cmp;
        if (a instanceof JNull) {
            cmp = 0;
        } else if (a instanceof JBool x) {
            cmp = Boolean.compare(x.value(), ((JBool) b).value());
        } else if (a instanceof JNumber x) {
            cmp = x.value().compareTo(((JNumber) b).value());
        } else if (a instanceof JString x) {
            cmp = ValueOrder.compareText(x.value(), ((JString) b).value());
        } else {
            return Bool.UNKNOWN;
        }
        return result(op, cmp);
    }

    private static Bool result(Operator op, int cmp) {
        boolean r = switch (op) {
            case EQ -> cmp == 0;
            case NE -> cmp != 0;
            case LT -> cmp < 0;
            case GT -> cmp > 0;
            case LE -> cmp <= 0;
            default -> cmp >= 0;
        };
        return r ? Bool.TRUE : Bool.FALSE;
    }

    // ---- what ItemMethods needs

    boolean lax() {
        return lax;
    }

    boolean ignoreStructuralErrors() {
        return ignoreStructuralErrors;
    }

    Status error(String sqlState, String message) {
        return fail(sqlState, message);
    }

    Status continueWith(Rest rest, JsonbValue v, List<JsonbValue> found) {
        return next(rest.tail(), v, found);
    }

    Status unwrap(Rest rest, JArray array, List<JsonbValue> found) {
        return unwrapArray(rest, array, found);
    }

    boolean stops(Status s, List<JsonbValue> found) {
        return stop(s, found);
    }
}
