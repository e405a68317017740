package io.pgsight.ext.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.pgsight.sql.spi.AccessMethodDef;
import io.pgsight.sql.spi.AggregateDef;
import io.pgsight.sql.spi.AggregateState;
import io.pgsight.sql.spi.CastDef;
import io.pgsight.sql.spi.Extension;
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

/** Collects what an extension registers and lets tests call it like the engine would. */
public final class RecordingRegistry implements ExtensionRegistry {
    public final List<PgType> types = new ArrayList<>();
    public final List<FunctionDef> functions = new ArrayList<>();
    public final List<OperatorDef> operators = new ArrayList<>();
    public final List<CastDef> casts = new ArrayList<>();
    public final List<AggregateDef> aggregates = new ArrayList<>();
    public final List<SettingDef> settings = new ArrayList<>();
    public final List<AccessMethodDef> accessMethods = new ArrayList<>();
    public final List<OperatorClassDef> operatorClasses = new ArrayList<>();

    public static RecordingRegistry of(Extension e) {
        RecordingRegistry r = new RecordingRegistry();
        e.register(r);
        return r;
    }

    @Override
    public void type(PgType type) {
        types.add(type);
    }

    @Override
    public void function(FunctionDef function) {
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
        accessMethods.add(accessMethod);
    }

    @Override
    public void operatorClass(OperatorClassDef operatorClass) {
        operatorClasses.add(operatorClass);
    }

    public PgType type(String name) {
        return types.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    public FunctionDef function(String name, String... argTypes) {
        return functions.stream().filter(f -> f.name().equals(name) && f.argumentTypes().equals(List.of(argTypes)))
                .findFirst().orElseThrow(() -> new AssertionError("no function " + name + List.of(argTypes)));
    }

    public Object call(String name, List<String> argTypes, Object... args) {
        return ((ScalarFunction) function(name, argTypes.toArray(new String[0])).body()).call(SESSION, args);
    }

    public OperatorDef operator(String symbol, String left, String right) {
        return operators.stream().filter(o -> o.symbol().equals(symbol) && left.equals(o.leftType())
                && right.equals(o.rightType())).findFirst().orElseThrow(() -> new AssertionError("no operator " + symbol));
    }

    /** Applies an operator through its implementation function, as the engine resolves it. */
    public Object apply(String symbol, String type, Object left, Object right) {
        OperatorDef op = operator(symbol, type, type);
        return call(op.functionName(), List.of(type, type), left, right);
    }

    public CastDef cast(String source, String target) {
        return casts.stream().filter(c -> c.sourceType().equals(source) && c.targetType().equals(target)).findFirst()
                .orElseThrow(() -> new AssertionError("no cast " + source + " -> " + target));
    }

    public Object castValue(String source, String target, Object value, int typmod) {
        CastDef c = cast(source, target);
        assertNotNull(c.body());
        return c.body().cast(SESSION, value, typmod, true);
    }

    public Object aggregate(String name, String type, Object... values) {
        AggregateDef def = aggregates.stream().filter(a -> a.name().equals(name) && a.argumentTypes().equals(List.of(type)))
                .findFirst().orElseThrow();
        AggregateState state = def.newState().get();
        for (Object v : values) {
            if (v != null || !def.strict()) {
                state.add(SESSION, new Object[] {v});
            }
        }
        return state.result(SESSION);
    }

    public SettingDef setting(String name) {
        return settings.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** A session with settings and recorded notices. */
    public static final class Session implements FunctionContext {
        public final Map<String, String> settings = new HashMap<>();
        public final List<String> notices = new ArrayList<>();
        public final List<io.pgsight.sql.api.SqlException> richNotices = new ArrayList<>();

        @Override
        public void notice(String severity, String message) {
            notices.add(severity + ": " + message);
        }

        @Override
        public void notice(io.pgsight.sql.api.SqlException notice) {
            richNotices.add(notice);
            notice(notice.severity(), notice.getMessage());
        }

        @Override
        public String setting(String name) {
            return settings.get(name);
        }

        @Override
        public void checkCancelled() {
        }
    }

    public static final Session SESSION = new Session();

    static void assertOutput(PgType type, String expected, Object value) {
        assertEquals(expected, type.output(value));
    }
}
