package io.pgsight.sql.plpgsql.exec;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.catalog.PseudoType;
import io.pgsight.sql.exec.PlanNode;
import io.pgsight.sql.spi.PgType;

import java.util.List;

/**
 * RETURN QUERY's columns must be the function's result columns, type for type: PostgreSQL converts the tuples by
 * position and accepts no casts here.
 */
final class PlResultStructure {
    private PlResultStructure() {
    }

    static void check(List<PlanNode.OutputColumn> columns, List<PgType> expected, PlHost host) {
        if (columns == null || expected.isEmpty()) {
            return;
        }
        if (columns.size() != expected.size()) {
            throw new SqlException("42804", "structure of query does not match function result type")
                    .withDetail("Number of returned columns (" + columns.size()
                            + ") does not match expected column count (" + expected.size() + ").");
        }
        for (int i = 0; i < columns.size(); i++) {
            PgType actual = columns.get(i).type();
            PgType want = expected.get(i);
            if (actual != null && want != null && actual.oid() != want.oid() && actual.oid() != PseudoType.UNKNOWN
                    && !PseudoType.is(want)) {
                throw new SqlException("42804", "structure of query does not match function result type")
                        .withDetail("Returned type " + host.catalog().formatType(actual)
                                + " does not match expected type " + host.catalog().formatType(want) + " in column "
                                + (i + 1) + ".");
            }
        }
    }
}
