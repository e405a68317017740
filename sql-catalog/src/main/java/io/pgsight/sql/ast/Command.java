package io.pgsight.sql.ast;

import java.util.List;

/**
 * What a statement does. {@link Query} (SELECT, VALUES, set operations, WITH ... SELECT) implements this directly;
 * every other statement kind is a record here. Locations are of the statement's first keyword unless noted.
 */
public sealed interface Command permits Query, Command.Insert, Command.Update, Command.Delete,
        Command.CreateTable, Command.CreateTableAs, Command.AlterTable, Command.Drop, Command.DropFunction,
        Command.Truncate, Command.CreateIndex, Command.CreateExtension, Command.CreateDatabase,
        Command.CreateSchema, Command.CreateFunction, Command.DoBlock, Command.CreateSequence,
        Command.CreateView, Command.CommentOn, Command.Explain, Command.SetVariable, Command.SetTransaction,
        Command.Show, Command.Reset, Command.Transaction, Command.Vacuum, Command.Copy, Command.Prepare,
        Command.Execute, Command.Deallocate, Command.Listen, Command.Notify, Command.Unlisten, Command.Discard,
        Command.Call, Command.AlterOther {
    int location();

    // ---------------------------------------------------------------- DML

    /**
     * {@code [WITH ..] INSERT INTO t [AS alias] [(cols)] {VALUES .. | query | DEFAULT VALUES} [ON CONFLICT ..]
     * [RETURNING ..]}. {@code source} is null for DEFAULT VALUES; a VALUES list is a Query whose body is
     * {@link QueryBody.Values} (its rows may contain {@link Expr.SetToDefault}).
     */
    record Insert(WithClause with, QualifiedName table, String alias, List<Identifier> columns, Query source,
                  OnConflict onConflict, List<Target> returning, int location) implements Command {
        public Insert {
            columns = List.copyOf(columns);
            returning = List.copyOf(returning);
        }
    }

    /**
     * {@code ON CONFLICT [(cols) [WHERE ..] | ON CONSTRAINT name] DO NOTHING | DO UPDATE SET .. [WHERE ..]}.
     * {@code set} is empty for DO NOTHING.
     */
    record OnConflict(List<IndexElem> targetColumns, Expr targetWhere, String constraintName, boolean doNothing,
                      List<SetClause> set, Expr where, int location) {
        public OnConflict {
            targetColumns = List.copyOf(targetColumns);
            set = List.copyOf(set);
        }
    }

    /**
     * One assignment of UPDATE ... SET or ON CONFLICT DO UPDATE SET: {@code col = expr},
     * {@code col[1] = expr} (indirection in {@code subscripts}), or {@code (a, b) = (x, y) | ROW(..) | (SELECT ..)}
     * ({@code columns} has several names and {@code value} is the row/subquery expression).
     */
    record SetClause(List<Identifier> columns, List<Expr.IndirectionStep> subscripts, Expr value, boolean multi,
                     int location) {
        public SetClause {
            columns = List.copyOf(columns);
            subscripts = List.copyOf(subscripts);
        }
    }

    /** {@code [WITH ..] UPDATE [ONLY] t [[AS] alias] SET .. [FROM ..] [WHERE ..] [RETURNING ..]}. */
    record Update(WithClause with, QualifiedName table, boolean only, String alias, List<SetClause> set,
                  List<FromItem> from, Expr where, List<Target> returning, int location) implements Command {
        public Update {
            set = List.copyOf(set);
            from = List.copyOf(from);
            returning = List.copyOf(returning);
        }
    }

    /** {@code [WITH ..] DELETE FROM [ONLY] t [[AS] alias] [USING ..] [WHERE ..] [RETURNING ..]}. */
    record Delete(WithClause with, QualifiedName table, boolean only, String alias, List<FromItem> using, Expr where,
                  List<Target> returning, int location) implements Command {
        public Delete {
            using = List.copyOf(using);
            returning = List.copyOf(returning);
        }
    }

    // ---------------------------------------------------------------- tables

    /**
     * {@code CREATE [TEMP|UNLOGGED] TABLE [IF NOT EXISTS] name (elements) [INHERITS ..] [WITH (..)]
     * [ON COMMIT ..]}.
     */
    record CreateTable(QualifiedName name, Persistence persistence, boolean ifNotExists, List<TableElement> elements,
                       List<QualifiedName> inherits, List<Option> options, String onCommit, int location)
            implements Command {
        public CreateTable {
            elements = List.copyOf(elements);
            inherits = List.copyOf(inherits);
            options = List.copyOf(options);
        }
    }

    /**
     * {@code CREATE [TEMP] TABLE [IF NOT EXISTS] name [(cols)] AS query [WITH [NO] DATA]} and
     * {@code SELECT ... INTO name} ({@code selectInto} set) and {@code CREATE MATERIALIZED VIEW} ({@code matView}).
     */
    record CreateTableAs(QualifiedName name, Persistence persistence, boolean ifNotExists, List<Identifier> columns,
                         Query query, boolean withData, boolean selectInto, boolean matView, int location)
            implements Command {
        public CreateTableAs {
            columns = List.copyOf(columns);
        }
    }

    /** {@code ALTER TABLE [IF EXISTS] [ONLY] name action [, ...]} (also ALTER INDEX/VIEW/SEQUENCE ... RENAME TO). */
    record AlterTable(ObjectKind kind, QualifiedName table, boolean ifExists, boolean only,
                      List<AlterTableAction> actions, int location) implements Command {
        public AlterTable {
            actions = List.copyOf(actions);
        }
    }

    /**
     * {@code DROP TABLE|INDEX|VIEW|SEQUENCE|SCHEMA|EXTENSION|DATABASE|TYPE|MATERIALIZED VIEW [CONCURRENTLY]
     * [IF EXISTS] name, ... [CASCADE|RESTRICT]}.
     */
    record Drop(ObjectKind kind, List<QualifiedName> names, boolean ifExists, boolean cascade, boolean concurrently,
                int location) implements Command {
        public Drop {
            names = List.copyOf(names);
        }
    }

    /** Kinds of named objects for DROP, ALTER and COMMENT ON. */
    enum ObjectKind {
        TABLE, INDEX, VIEW, MATERIALIZED_VIEW, SEQUENCE, SCHEMA, EXTENSION, DATABASE, TYPE, DOMAIN, FUNCTION,
        PROCEDURE, AGGREGATE, COLUMN, CONSTRAINT, OPERATOR, ROLE, TRIGGER, LANGUAGE
    }

    /**
     * {@code DROP FUNCTION|PROCEDURE [IF EXISTS] name [(argtypes)], ... [CASCADE|RESTRICT]}.
     * Each signature's {@code params} is null when no parenthesized list was written.
     */
    record DropFunction(ObjectKind kind, List<FunctionSignature> functions, boolean ifExists, boolean cascade,
                        int location) implements Command {
        public DropFunction {
            functions = List.copyOf(functions);
        }
    }

    /** A function name with an optional argument list (null when not written). */
    record FunctionSignature(QualifiedName name, List<FunctionParam> params, int location) {
        public FunctionSignature {
            params = params == null ? null : List.copyOf(params);
        }
    }

    /** {@code TRUNCATE [TABLE] [ONLY] t, ... [RESTART IDENTITY | CONTINUE IDENTITY] [CASCADE|RESTRICT]}. */
    record Truncate(List<QualifiedName> tables, boolean restartIdentity, boolean cascade, int location)
            implements Command {
        public Truncate {
            tables = List.copyOf(tables);
        }
    }

    /**
     * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] t [USING method] (elems)
     * [INCLUDE (cols)] [NULLS [NOT] DISTINCT] [WITH (opts)] [TABLESPACE x] [WHERE pred]}.
     * {@code name} and {@code method} are null when not written.
     */
    record CreateIndex(String name, QualifiedName table, boolean unique, boolean concurrently, boolean ifNotExists,
                       String method, List<IndexElem> elements, List<Identifier> include, List<Option> options,
                       Expr where, int location) implements Command {
        public CreateIndex {
            elements = List.copyOf(elements);
            include = List.copyOf(include);
            options = List.copyOf(options);
        }
    }

    // ---------------------------------------------------------------- extensions, databases, schemas

    /** {@code CREATE EXTENSION [IF NOT EXISTS] name [WITH] [SCHEMA s] [VERSION v] [CASCADE]}. */
    record CreateExtension(String name, boolean ifNotExists, String schema, String version, boolean cascade,
                           int location) implements Command {
    }

    /** {@code CREATE DATABASE name [[WITH] option [=] value ...]} (TEMPLATE, ENCODING, OWNER, ...). */
    record CreateDatabase(String name, List<Option> options, int location) implements Command {
        public CreateDatabase {
            options = List.copyOf(options);
        }
    }

    /** {@code CREATE SCHEMA [IF NOT EXISTS] [name] [AUTHORIZATION role]}. */
    record CreateSchema(String name, boolean ifNotExists, String authorization, int location) implements Command {
    }

    // ---------------------------------------------------------------- functions and code

    /**
     * {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE name (params) [RETURNS type | RETURNS TABLE (..)]
     * {LANGUAGE l | AS 'body' | IMMUTABLE | STRICT | ...}*}.
     *
     * @param returnType  the result type ({@code setof} flag for RETURNS SETOF), or null (procedures, or OUT
     *                    parameters / RETURNS TABLE decide)
     * @param returnsTable the columns of RETURNS TABLE (..) (mode TABLE), empty otherwise
     * @param language    the language name, case-folded, or null when not written
     * @param body        the AS string (its location lets errors inside the body map back, see
     *                    {@code SqlParser.contentPosition}); null when absent. For a SQL-standard body
     *                    {@code RETURN expr} (option {@code sql_body}) it is {@code SELECT expr}, located at RETURN:
     *                    both prefixes have 7 characters, so positions map one to one
     * @param linkSymbol  the second string of {@code AS 'obj_file', 'link_symbol'}, else null
     * @param volatility  {@code immutable}, {@code stable}, {@code volatile}, or null when not written
     * @param strict      true for STRICT / RETURNS NULL ON NULL INPUT, false for CALLED ON NULL INPUT, null if unset
     * @param options     everything else, as options: {@code security} (definer/invoker), {@code leakproof},
     *                    {@code parallel}, {@code cost}, {@code rows}, {@code window}, {@code set.<name>}
     */
    record CreateFunction(boolean orReplace, boolean procedure, QualifiedName name, List<FunctionParam> params,
                          TypeName returnType, List<FunctionParam> returnsTable, String language,
                          Expr.StringLiteral body, String linkSymbol, String volatility, Boolean strict,
                          List<Option> options, int location) implements Command {
        public CreateFunction {
            params = List.copyOf(params);
            returnsTable = List.copyOf(returnsTable);
            options = List.copyOf(options);
        }
    }

    /** {@code DO [LANGUAGE l] 'code'}; language null means plpgsql. */
    record DoBlock(String language, Expr.StringLiteral code, int location) implements Command {
    }

    /** {@code CALL proc(args)}. */
    record Call(Expr.FuncCall call, int location) implements Command {
    }

    /** {@code CREATE [TEMP] SEQUENCE [IF NOT EXISTS] name [options]} (INCREMENT BY, START WITH, ...). */
    record CreateSequence(QualifiedName name, Persistence persistence, boolean ifNotExists, List<Option> options,
                          int location) implements Command {
        public CreateSequence {
            options = List.copyOf(options);
        }
    }

    /** {@code CREATE [OR REPLACE] [TEMP] VIEW name [(cols)] AS query}. */
    record CreateView(QualifiedName name, boolean orReplace, Persistence persistence, List<Identifier> columns,
                      Query query, int location) implements Command {
        public CreateView {
            columns = List.copyOf(columns);
        }
    }

    /**
     * {@code COMMENT ON kind name IS 'text' | NULL}. For COLUMN the name is {@code table.column}; for FUNCTION the
     * argument types are in {@code functionParams}; {@code comment} is null for {@code IS NULL}.
     */
    record CommentOn(ObjectKind kind, QualifiedName name, List<FunctionParam> functionParams, String comment,
                     int location) implements Command {
        public CommentOn {
            functionParams = functionParams == null ? null : List.copyOf(functionParams);
        }
    }

    /**
     * An ALTER statement accepted but not modelled (ALTER EXTENSION, ALTER FUNCTION, ALTER DATABASE, ALTER ROLE,
     * GRANT/REVOKE, ...): the leading words (e.g. {@code "ALTER EXTENSION"}, {@code "GRANT"}) and the source text.
     */
    record AlterOther(String what, String text, int location) implements Command {
    }

    // ---------------------------------------------------------------- session and utility

    /**
     * {@code EXPLAIN [ANALYZE] [VERBOSE] stmt} or {@code EXPLAIN (option [value], ...) stmt}; the bare keywords
     * become options {@code analyze} / {@code verbose} without value.
     */
    record Explain(Command statement, List<Option> options, int location) implements Command {
        public Explain {
            options = List.copyOf(options);
        }
    }

    /**
     * {@code SET [SESSION|LOCAL] name {TO|=} value, ...}, {@code SET name TO DEFAULT} ({@code values} empty,
     * {@code toDefault} set), {@code SET TIME ZONE v} (name {@code timezone}; {@code LOCAL}/{@code DEFAULT} set
     * {@code toDefault}), {@code SET SCHEMA 's'} (name {@code search_path}), {@code SET NAMES 'x'} (name
     * {@code client_encoding}). Dotted names such as {@code hnsw.ef_search} are joined with dots.
     */
    record SetVariable(String name, List<Value> values, boolean local, boolean toDefault, int location)
            implements Command {
        public SetVariable {
            values = List.copyOf(values);
        }
    }

    /**
     * {@code SET TRANSACTION mode, ...} and {@code SET SESSION CHARACTERISTICS AS TRANSACTION mode, ...}
     * ({@code session} set). Modes are canonical lower-case strings: {@code isolation level read committed},
     * {@code read only}, {@code read write}, {@code deferrable}, {@code not deferrable}.
     */
    record SetTransaction(List<String> modes, boolean session, int location) implements Command {
        public SetTransaction {
            modes = List.copyOf(modes);
        }
    }

    /**
     * {@code SHOW name | ALL}; {@code SHOW TIME ZONE} is {@code timezone}, {@code SHOW TRANSACTION ISOLATION LEVEL}
     * is {@code transaction_isolation}. {@code name} is {@code all} for ALL.
     */
    record Show(String name, int location) implements Command {
    }

    /** {@code RESET name | ALL} ({@code name} is {@code all}); {@code RESET TIME ZONE} is {@code timezone}. */
    record Reset(String name, int location) implements Command {
    }

    /**
     * Transaction control. {@code BEGIN [WORK|TRANSACTION] [modes]}, {@code START TRANSACTION [modes]},
     * {@code COMMIT|END [WORK|TRANSACTION] [AND [NO] CHAIN]}, {@code ROLLBACK|ABORT [..] [AND [NO] CHAIN]},
     * {@code SAVEPOINT s}, {@code RELEASE [SAVEPOINT] s}, {@code ROLLBACK [WORK] TO [SAVEPOINT] s},
     * {@code PREPARE TRANSACTION 'id'}, {@code COMMIT PREPARED 'id'}, {@code ROLLBACK PREPARED 'id'}.
     *
     * @param name  savepoint name or prepared-transaction id, else null
     * @param modes as in {@link SetTransaction}
     */
    record Transaction(TransactionKind kind, String name, List<String> modes, boolean chain, int location)
            implements Command {
        public Transaction {
            modes = List.copyOf(modes);
        }
    }

    enum TransactionKind {
        BEGIN, START, COMMIT, ROLLBACK, SAVEPOINT, RELEASE, ROLLBACK_TO, PREPARE, COMMIT_PREPARED, ROLLBACK_PREPARED
    }

    /**
     * {@code VACUUM [FULL] [FREEZE] [VERBOSE] [ANALYZE] [tables]}, {@code VACUUM (opts) [tables]},
     * {@code ANALYZE [VERBOSE] [tables]} ({@code analyzeOnly} set).
     */
    record Vacuum(boolean analyzeOnly, List<Option> options, List<VacuumTarget> tables, int location)
            implements Command {
        public Vacuum {
            options = List.copyOf(options);
            tables = List.copyOf(tables);
        }
    }

    record VacuumTarget(QualifiedName table, List<Identifier> columns) {
        public VacuumTarget {
            columns = List.copyOf(columns);
        }
    }

    /**
     * {@code COPY t [(cols)] FROM {STDIN | 'file' | PROGRAM 'cmd'} [[WITH] (opts) | old-style opts] [WHERE ..]}
     * and {@code COPY {t [(cols)] | (query)} TO {STDOUT | 'file' | PROGRAM 'cmd'} [...]}.
     * Old-style options are normalized to the new option names: {@code BINARY} to {@code format binary},
     * {@code CSV} to {@code format csv}, {@code HEADER}, {@code DELIMITER [AS] 'x'} to {@code delimiter},
     * {@code NULL [AS] 'x'} to {@code null}, {@code QUOTE}, {@code ESCAPE}, {@code FORCE QUOTE cols|*} to
     * {@code force_quote}, {@code FORCE NOT NULL cols} to {@code force_not_null}.
     *
     * @param table    the table, or null when copying a query
     * @param query    the query of {@code COPY (query) TO}, else null
     * @param from     true for COPY FROM
     * @param file     the file name or program, or null for STDIN/STDOUT
     */
    record Copy(QualifiedName table, List<Identifier> columns, Query query, boolean from, String file,
                boolean program, List<Option> options, Expr where, int location) implements Command {
        public Copy {
            columns = List.copyOf(columns);
            options = List.copyOf(options);
        }
    }

    /** {@code PREPARE name [(types)] AS statement}. */
    record Prepare(String name, List<TypeName> types, Command statement, int location) implements Command {
        public Prepare {
            types = List.copyOf(types);
        }
    }

    /** {@code EXECUTE name [(args)]}. */
    record Execute(String name, List<Expr> args, int location) implements Command {
        public Execute {
            args = List.copyOf(args);
        }
    }

    /** {@code DEALLOCATE [PREPARE] name | ALL} ({@code name} null for ALL). */
    record Deallocate(String name, int location) implements Command {
    }

    /** {@code LISTEN channel}. */
    record Listen(String channel, int location) implements Command {
    }

    /** {@code NOTIFY channel [, 'payload']}. */
    record Notify(String channel, String payload, int location) implements Command {
    }

    /** {@code UNLISTEN channel | *} ({@code channel} null for *). */
    record Unlisten(String channel, int location) implements Command {
    }

    /** {@code DISCARD ALL | PLANS | SEQUENCES | TEMP | TEMPORARY}; {@code what} is lower-case ({@code temp} for both). */
    record Discard(String what, int location) implements Command {
    }
}
