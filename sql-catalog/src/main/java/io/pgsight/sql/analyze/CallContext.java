package io.pgsight.sql.analyze;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.exec.ExecContext;
import io.pgsight.sql.spi.FunctionContext;

import java.util.List;
import java.util.function.Supplier;

/**
 * The context handed to functions declared over "any" or polymorphic types: the statement's context
 * plus the resolved types of this call's arguments (SPI {@link FunctionContext#argumentType}).
 */
final class CallContext implements FunctionContext {
    private final ExecContext exec;
    private final List<TExpr> args;

    CallContext(ExecContext exec, List<TExpr> args) {
        this.exec = exec;
        this.args = args;
    }

    @Override
    public void notice(String severity, String message) {
        exec.notice(severity, message);
    }

    @Override
    public void notice(SqlException notice) {
        exec.notice(notice);
    }

    @Override
    public String setting(String name) {
        return exec.setting(name);
    }

    @Override
    public void checkCancelled() {
        exec.checkCancelled();
    }

    @Override
    public String argumentType(int index) {
        return index >= 0 && index < args.size() && args.get(index) != null ? args.get(index).type().name() : null;
    }

    @Override
    public io.pgsight.sql.spi.PgType argumentPgType(int index) {
        return index >= 0 && index < args.size() && args.get(index) != null ? args.get(index).type() : null;
    }

    @Override
    public <T> T sessionState(Class<T> key, Supplier<T> initial) {
        return exec.sessionState(key, initial);
    }
}
