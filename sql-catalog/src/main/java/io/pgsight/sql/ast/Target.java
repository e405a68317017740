package io.pgsight.sql.ast;

/**
 * One select-list (or RETURNING) item: {@code expr [[AS] alias]}. {@code alias} is null when none was given (the
 * analyzer derives the column name as PostgreSQL's FigureColname does). Location is the expression's start.
 */
public record Target(Expr expr, String alias, int location) {
}
