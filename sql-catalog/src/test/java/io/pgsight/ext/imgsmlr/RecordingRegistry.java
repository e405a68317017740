package io.pgsight.ext.imgsmlr;

import io.pgsight.sql.spi.AccessMethodDef;
import io.pgsight.sql.spi.AggregateDef;
import io.pgsight.sql.spi.CastDef;
import io.pgsight.sql.spi.ExtensionRegistry;
import io.pgsight.sql.spi.FunctionDef;
import io.pgsight.sql.spi.OperatorClassDef;
import io.pgsight.sql.spi.OperatorDef;
import io.pgsight.sql.spi.PgType;
import io.pgsight.sql.spi.SettingDef;

import java.util.ArrayList;
import java.util.List;

/** Keeps what an extension registers, for tests without the engine. */
final class RecordingRegistry implements ExtensionRegistry {
    final List<PgType> types = new ArrayList<>();
    final List<FunctionDef> functions = new ArrayList<>();
    final List<OperatorDef> operators = new ArrayList<>();
    final List<SettingDef> settings = new ArrayList<>();
    final List<OperatorClassDef> operatorClasses = new ArrayList<>();
    final List<Object> others = new ArrayList<>();

    @Override
    public void type(PgType type) {
        types.add(type);
    }

    @Override
    public void function(FunctionDef function) {
        for (String t : function.argumentTypes()) {
            requireType(t);
        }
        requireType(function.returnType());
        functions.add(function);
    }

    private void requireType(String t) {
        if ((t.equals("pattern") || t.equals("signature")) && types.stream().noneMatch(x -> x.name().equals(t))) {
            throw new IllegalStateException("type " + t + " used before it was registered");
        }
    }

    @Override
    public void operator(OperatorDef operator) {
        if (function(operator.functionName()) == null) {
            throw new IllegalStateException("operator before its function " + operator.functionName());
        }
        operators.add(operator);
    }

    @Override
    public void cast(CastDef cast) {
        others.add(cast);
    }

    @Override
    public void aggregate(AggregateDef aggregate) {
        others.add(aggregate);
    }

    @Override
    public void setting(SettingDef setting) {
        settings.add(setting);
    }

    @Override
    public void accessMethod(AccessMethodDef accessMethod) {
        others.add(accessMethod);
    }

    @Override
    public void operatorClass(OperatorClassDef operatorClass) {
        operatorClasses.add(operatorClass);
    }

    FunctionDef function(String name) {
        return functions.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }

    PgType type(String name) {
        return types.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
