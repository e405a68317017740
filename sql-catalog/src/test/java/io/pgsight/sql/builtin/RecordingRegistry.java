package io.pgsight.sql.builtin;

import io.pgsight.sql.spi.AccessMethodDef;
import io.pgsight.sql.spi.AggregateDef;
import io.pgsight.sql.spi.CastDef;
import io.pgsight.sql.spi.ExtensionRegistry;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.FunctionDef;
import io.pgsight.sql.spi.OperatorClassDef;
import io.pgsight.sql.spi.OperatorDef;
import io.pgsight.sql.spi.PgType;
import io.pgsight.sql.spi.ScalarFunction;
import io.pgsight.sql.spi.SettingDef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Records what the builtin catalog registers, and calls it by exact signature. */
final class RecordingRegistry implements ExtensionRegistry {
    final Map<String, PgType> types = new HashMap<>();
    final List<FunctionDef> functions = new ArrayList<>();
    final List<OperatorDef> operators = new ArrayList<>();
    final List<CastDef> casts = new ArrayList<>();
    final List<AggregateDef> aggregates = new ArrayList<>();
    final List<SettingDef> settings = new ArrayList<>();

    static final FunctionContext CTX = new FunctionContext() {
        final Map<String, String> settings = new HashMap<>(Map.of("TimeZone", "Etc/UTC", "bytea_output", "hex"));

        @Override
        public void notice(String severity, String message) {
        }

        @Override
        public String setting(String name) {
            return settings.get(name);
        }

        @Override
        public void checkCancelled() {
        }
    };

    static RecordingRegistry catalog() {
        RecordingRegistry r = new RecordingRegistry();
        new BuiltinCatalog().register(r);
        return r;
    }

    @Override
    public void type(PgType type) {
        if (types.put(type.name(), type) != null) {
            throw new AssertionError("duplicate type " + type.name());
        }
    }

    @Override
    public void function(FunctionDef function) {
        for (FunctionDef f : functions) {
            if (f.name().equals(function.name()) && f.argumentTypes().equals(function.argumentTypes())) {
                throw new AssertionError("duplicate function " + f.name() + f.argumentTypes());
            }
        }
        functions.add(function);
    }

    @Override
    public void operator(OperatorDef operator) {
        operators.add(operator);
    }

    @Override
    public void cast(CastDef cast) {
        casts.add(cast);
    }

    @Override
    public void aggregate(AggregateDef aggregate) {
        aggregates.add(aggregate);
    }

    @Override
    public void setting(SettingDef setting) {
        settings.add(setting);
    }

    @Override
    public void accessMethod(AccessMethodDef accessMethod) {
    }

    @Override
    public void operatorClass(OperatorClassDef operatorClass) {
    }

    PgType type(String name) {
        PgType t = types.get(name);
        if (t == null) {
            throw new AssertionError("no type " + name);
        }
        return t;
    }

    FunctionDef function(String name, String... args) {
        for (FunctionDef f : functions) {
            if (f.name().equals(name) && f.argumentTypes().equals(List.of(args))) {
                return f;
            }
        }
        throw new AssertionError("no function " + name + List.of(args));
    }

    Object call(String name, Object[] args, String... argTypes) {
        return ((ScalarFunction) function(name, argTypes).body()).call(CTX, args);
    }

    /** Applies the binary operator {@code symbol} registered for exactly these operand types. */
    Object op(String symbol, String left, Object l, String right, Object r) {
        for (OperatorDef o : operators) {
            if (o.symbol().equals(symbol) && java.util.Objects.equals(o.leftType(), left) && o.rightType().equals(right)) {
                return call(o.functionName(), left == null ? new Object[] {r} : new Object[] {l, r},
                        left == null ? new String[] {right} : new String[] {left, right});
            }
        }
        throw new AssertionError("no operator " + left + " " + symbol + " " + right);
    }

    CastDef castDef(String from, String to) {
        for (CastDef c : casts) {
            if (c.sourceType().equals(from) && c.targetType().equals(to)) {
                return c;
            }
        }
        throw new AssertionError("no cast " + from + " -> " + to);
    }

    Object cast(Object value, String from, String to, int typmod, boolean explicit) {
        return castDef(from, to).body().cast(CTX, value, typmod, explicit);
    }

    /** Text in, text out through the named types: '...'::type the way psql would show it. */
    String io(String typname, String text) {
        PgType t = type(typname);
        return t.output(t.input(text, -1, CTX), CTX);
    }
}
