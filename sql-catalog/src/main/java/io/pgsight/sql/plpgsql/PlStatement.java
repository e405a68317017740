package io.pgsight.sql.plpgsql;

import java.util.List;

/**
 * A PL/pgSQL statement. Every statement keeps the 1-based position of its first token in the original string and
 * its line in the body; {@link #typeName()} is PostgreSQL's name for it in CONTEXT lines
 * ({@code ... line 5 at RAISE}).
 */
public sealed interface PlStatement {
    int location();

    int line();

    /** PostgreSQL's statement type name (plpgsql_stmt_typename). */
    String typeName();

    /**
     * {@code [<<label>>] [DECLARE decls] BEGIN stmts [EXCEPTION WHEN .. THEN ..] END [label]}; line and location
     * are those of BEGIN. {@code variableConflict} is the body's {@code #variable_conflict} option (error,
     * use_variable, use_column) on the outermost block, else null; {@code printStrictParams} its
     * {@code #print_strict_params on}.
     */
    record Block(String label, List<PlDeclaration> declarations, List<PlStatement> body,
                 List<ExceptionHandler> handlers, int location, int line, String variableConflict,
                 boolean printStrictParams) implements PlStatement {
        public Block {
            declarations = List.copyOf(declarations);
            body = List.copyOf(body);
            handlers = List.copyOf(handlers);
        }

        public Block(String label, List<PlDeclaration> declarations, List<PlStatement> body,
                     List<ExceptionHandler> handlers, int location, int line) {
            this(label, declarations, body, handlers, location, line, null, false);
        }

        Block withOptions(String conflict, boolean printStrict) {
            return new Block(label, declarations, body, handlers, location, line, conflict, printStrict);
        }

        @Override
        public String typeName() {
            return "statement block";
        }
    }

    /** {@code WHEN cond [OR cond ...] THEN stmts}. */
    record ExceptionHandler(List<Condition> conditions, List<PlStatement> body, int line) {
        public ExceptionHandler {
            conditions = List.copyOf(conditions);
            body = List.copyOf(body);
        }
    }

    /** A condition name (lower-case, e.g. {@code division_by_zero}, {@code others}) or {@code SQLSTATE 'xxxxx'}. */
    record Condition(String name, String sqlState) {
    }

    /**
     * {@code target := expr;} (or {@code =}). {@code target} is the target as written ({@code x}, {@code r.f},
     * {@code a[1]}); {@code statement} is the whole assignment text, which PostgreSQL shows as the QUERY of errors
     * in it; {@code value} is the expression; {@code subscripts} are the array subscripts of {@code a[i][j] := v}.
     */
    record Assign(String target, List<String> targetNames, List<PlExpr> subscripts, PlExpr statement, PlExpr value,
                  int location, int line) implements PlStatement {
        public Assign {
            targetNames = List.copyOf(targetNames);
            subscripts = List.copyOf(subscripts);
        }

        @Override
        public String typeName() {
            return "assignment";
        }
    }

    /** {@code IF c THEN .. [ELSIF c THEN ..]* [ELSE ..] END IF}; {@code elseBody} is null without ELSE. */
    record If(List<IfBranch> branches, List<PlStatement> elseBody, int location, int line) implements PlStatement {
        public If {
            branches = List.copyOf(branches);
            elseBody = elseBody == null ? null : List.copyOf(elseBody);
        }

        @Override
        public String typeName() {
            return "IF";
        }
    }

    record IfBranch(PlExpr condition, List<PlStatement> body) {
        public IfBranch {
            body = List.copyOf(body);
        }
    }

    /**
     * {@code CASE [expr] WHEN .. THEN .. [ELSE ..] END CASE}. For a simple CASE ({@code testExpr} set) each WHEN
     * text may be a comma list of values. {@code elseBody} is null without ELSE (a miss raises CASE_NOT_FOUND).
     */
    record Case(PlExpr testExpr, List<CaseWhen> whens, List<PlStatement> elseBody, int location, int line)
            implements PlStatement {
        public Case {
            whens = List.copyOf(whens);
            elseBody = elseBody == null ? null : List.copyOf(elseBody);
        }

        @Override
        public String typeName() {
            return "CASE";
        }
    }

    record CaseWhen(PlExpr expr, List<PlStatement> body) {
        public CaseWhen {
            body = List.copyOf(body);
        }
    }

    /** {@code [<<label>>] LOOP .. END LOOP}. */
    record Loop(String label, List<PlStatement> body, int location, int line) implements PlStatement {
        public Loop {
            body = List.copyOf(body);
        }

        @Override
        public String typeName() {
            return "LOOP";
        }
    }

    /** {@code [<<label>>] WHILE cond LOOP .. END LOOP}. */
    record While(String label, PlExpr condition, List<PlStatement> body, int location, int line)
            implements PlStatement {
        public While {
            body = List.copyOf(body);
        }

        @Override
        public String typeName() {
            return "WHILE";
        }
    }

    /** {@code FOR i IN [REVERSE] lower .. upper [BY step] LOOP .. END LOOP}; {@code step} null when absent. */
    record ForInteger(String label, String variable, boolean reverse, PlExpr lower, PlExpr upper, PlExpr step,
                      List<PlStatement> body, int location, int line) implements PlStatement {
        public ForInteger {
            body = List.copyOf(body);
        }

        @Override
        public String typeName() {
            return "FOR with integer loop variable";
        }
    }

    /**
     * {@code FOR targets IN query LOOP} ({@code query} set) or {@code FOR targets IN EXECUTE expr [USING ..] LOOP}
     * ({@code dynamicQuery} set).
     */
    record ForQuery(String label, List<String> targets, PlExpr query, PlExpr dynamicQuery, List<PlExpr> using,
                    List<PlStatement> body, int location, int line) implements PlStatement {
        public ForQuery {
            targets = List.copyOf(targets);
            using = List.copyOf(using);
            body = List.copyOf(body);
        }

        @Override
        public String typeName() {
            return dynamicQuery != null ? "FOR over EXECUTE statement" : "FOR over SELECT rows";
        }
    }

    /**
     * {@code FOR rec IN cursor [(args)] LOOP .. END LOOP} over a bound cursor: the loop opens it, declares
     * {@code rec} as a record, and closes it at the end; {@code args} is the text inside the parentheses, or null.
     */
    record ForCursor(String label, String variable, String cursor, PlExpr args, List<PlStatement> body,
                     int location, int line) implements PlStatement {
        public ForCursor {
            body = List.copyOf(body);
        }

        @Override
        public String typeName() {
            return "FOR over cursor";
        }
    }

    /** {@code FOREACH targets [SLICE n] IN ARRAY expr LOOP .. END LOOP}. */
    record Foreach(String label, List<String> targets, int slice, PlExpr array, List<PlStatement> body,
                   int location, int line) implements PlStatement {
        public Foreach {
            targets = List.copyOf(targets);
            body = List.copyOf(body);
        }

        @Override
        public String typeName() {
            return "FOREACH over array";
        }
    }

    /** {@code EXIT|CONTINUE [label] [WHEN cond]}. */
    record Exit(boolean isContinue, String label, PlExpr when, int location, int line) implements PlStatement {
        @Override
        public String typeName() {
            return isContinue ? "CONTINUE" : "EXIT";
        }
    }

    /** {@code RETURN [expr]}; {@code value} null for a bare RETURN. */
    record Return(PlExpr value, int location, int line) implements PlStatement {
        @Override
        public String typeName() {
            return "RETURN";
        }
    }

    /** {@code RETURN NEXT [expr]}. */
    record ReturnNext(PlExpr value, int location, int line) implements PlStatement {
        @Override
        public String typeName() {
            return "RETURN NEXT";
        }
    }

    /** {@code RETURN QUERY query} or {@code RETURN QUERY EXECUTE expr [USING ..]}. */
    record ReturnQuery(PlExpr query, PlExpr dynamicQuery, List<PlExpr> using, int location, int line)
            implements PlStatement {
        public ReturnQuery {
            using = List.copyOf(using);
        }

        @Override
        public String typeName() {
            return "RETURN QUERY";
        }
    }

    /**
     * {@code RAISE [level] ['format' [, expr ...]] [USING opt = expr, ...]}, {@code RAISE [level] condition_name
     * ...}, {@code RAISE [level] SQLSTATE 'xxxxx' ...}, or a bare {@code RAISE} re-throwing the current error
     * ({@code reraise}).
     *
     * @param level lower-case: debug, log, info, notice, warning, exception (the default)
     */
    record Raise(String level, String conditionName, String sqlState, String format, List<PlExpr> params,
                 List<RaiseOption> options, boolean reraise, int location, int line) implements PlStatement {
        public Raise {
            params = List.copyOf(params);
            options = List.copyOf(options);
        }

        @Override
        public String typeName() {
            return "RAISE";
        }
    }

    /** {@code USING name = expr}; name lower-case: errcode, message, detail, hint, column, constraint, ... */
    record RaiseOption(String name, PlExpr value) {
    }

    /** {@code ASSERT cond [, message]}. */
    record Assert(PlExpr condition, PlExpr message, int location, int line) implements PlStatement {
        @Override
        public String typeName() {
            return "ASSERT";
        }
    }

    /**
     * Any SQL statement. {@code into} holds the targets of a PL/pgSQL INTO clause (blanked out of {@code sql});
     * {@code command} is the statement's first word, upper-case (SELECT, INSERT, ...).
     */
    record ExecSql(PlExpr sql, String command, List<String> into, boolean strict, int location, int line)
            implements PlStatement {
        public ExecSql {
            into = List.copyOf(into);
        }

        @Override
        public String typeName() {
            return "SQL statement";
        }
    }

    /** {@code EXECUTE expr [INTO [STRICT] targets] [USING expr, ...]}. */
    record DynExecute(PlExpr query, List<String> into, boolean strict, List<PlExpr> using, int location, int line)
            implements PlStatement {
        public DynExecute {
            into = List.copyOf(into);
            using = List.copyOf(using);
        }

        @Override
        public String typeName() {
            return "EXECUTE";
        }
    }

    /** {@code PERFORM expr}: runs {@code SELECT expr} and discards the rows ({@code expr.asSelect()}). */
    record Perform(PlExpr expr, int location, int line) implements PlStatement {
        @Override
        public String typeName() {
            return "PERFORM";
        }
    }

    /**
     * {@code GET [CURRENT|STACKED] DIAGNOSTICS target = item, ...}; items lower-case (row_count, pg_context,
     * returned_sqlstate, message_text, pg_exception_detail, pg_exception_hint, pg_exception_context, column_name,
     * constraint_name, pg_datatype_name, table_name, schema_name).
     */
    record GetDiagnostics(boolean stacked, List<DiagnosticsItem> items, int location, int line)
            implements PlStatement {
        public GetDiagnostics {
            items = List.copyOf(items);
        }

        @Override
        public String typeName() {
            return stacked ? "GET STACKED DIAGNOSTICS" : "GET DIAGNOSTICS";
        }
    }

    record DiagnosticsItem(String target, String item) {
    }

    /** {@code CALL proc(..)} or a nested {@code DO ..}, as SQL text. */
    record Call(PlExpr sql, boolean isDo, int location, int line) implements PlStatement {
        @Override
        public String typeName() {
            return isDo ? "DO" : "CALL";
        }
    }

    /** Cursor commands OPEN, FETCH, MOVE, CLOSE, kept as the text after the keyword. */
    record CursorCommand(String command, PlExpr text, int location, int line) implements PlStatement {
        @Override
        public String typeName() {
            return command;
        }
    }

    /** {@code COMMIT [AND [NO] CHAIN]} / {@code ROLLBACK [AND [NO] CHAIN]} (procedures). */
    record TransactionControl(boolean commit, boolean chain, int location, int line) implements PlStatement {
        @Override
        public String typeName() {
            return commit ? "COMMIT" : "ROLLBACK";
        }
    }
}
