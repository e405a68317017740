package io.pgsight.sql.ast;

/**
 * A parameter of CREATE FUNCTION / DROP FUNCTION / RETURNS TABLE: {@code [mode] [name] type [DEFAULT expr]}.
 * {@code name} is null when unnamed; {@code mode} is IN when not written; RETURNS TABLE columns have mode TABLE.
 */
public record FunctionParam(String name, Mode mode, TypeName type, Expr defaultValue, int location) {
    public enum Mode { IN, OUT, INOUT, VARIADIC, TABLE }
}
