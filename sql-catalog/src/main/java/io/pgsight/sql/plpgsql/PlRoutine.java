package io.pgsight.sql.plpgsql;

import java.util.List;

/**
 * What the PL/pgSQL compiler knows of the routine whose body it reads: its name (for "compilation of PL/pgSQL
 * function" CONTEXT lines and as the label of its parameters), parameter names, and the kind of result, which
 * decides where RETURN, RETURN NEXT and RETURN QUERY are allowed.
 *
 * @param name       the function name, {@code inline_code_block} for DO
 * @param paramNames names of the input parameters ("" when unnamed)
 * @param outNames   names of OUT / TABLE parameters
 * @param returnsSet RETURNS SETOF / TABLE
 * @param returnsVoid RETURNS void, or a DO block
 * @param trigger    RETURNS trigger / event_trigger: the TG_ variables (and NEW, OLD) exist in the body
 * @param procedure  CREATE PROCEDURE (RETURN takes no value)
 */
public record PlRoutine(String name, List<String> paramNames, List<String> outNames, boolean returnsSet,
                        boolean returnsVoid, boolean trigger, boolean procedure) {
    /** The variables PostgreSQL gives a trigger function's body. */
    public static final List<String> TRIGGER_VARIABLES = List.of("new", "old", "tg_name", "tg_when", "tg_level",
            "tg_op", "tg_relid", "tg_relname", "tg_table_name", "tg_table_schema", "tg_nargs", "tg_argv", "tg_event",
            "tg_tag");

    public PlRoutine {
        paramNames = List.copyOf(paramNames);
        outNames = List.copyOf(outNames);
    }

    /** A DO block. */
    public static PlRoutine inline() {
        return new PlRoutine("inline_code_block", List.of(), List.of(), false, true, false, false);
    }
}
