package io.pgsight.server;

import io.pgsight.pgwire.backend.ColumnDescription;
import io.pgsight.sql.api.ResultColumn;

import java.util.ArrayList;
import java.util.List;

/** Engine result columns as RowDescription fields. */
final class Columns {
    private Columns() {
    }

    static List<ColumnDescription> toWire(List<ResultColumn> columns) {
        if (columns == null) {
            return null;
        }
        List<ColumnDescription> out = new ArrayList<>(columns.size());
        for (ResultColumn c : columns) {
            out.add(new ColumnDescription(c.name(), c.tableOid(), c.attributeNumber(), c.typeOid(), c.typeLength(),
                    c.typeModifier(), c.format()));
        }
        return out;
    }
}
