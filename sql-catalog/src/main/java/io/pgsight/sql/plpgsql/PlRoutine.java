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
 */
public record PlRoutine(String name, List<String> paramNames, List<String> outNames, boolean returnsSet,
                        boolean returnsVoid) {
    public PlRoutine {
        paramNames = List.copyOf(paramNames);
        outNames = List.copyOf(outNames);
    }

    /** A DO block. */
    public static PlRoutine inline() {
        return new PlRoutine("inline_code_block", List.of(), List.of(), false, true);
    }
}
