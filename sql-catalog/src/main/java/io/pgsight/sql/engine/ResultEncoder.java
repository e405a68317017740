package io.pgsight.sql.engine;

import io.pgsight.sql.api.ResultColumn;
import io.pgsight.sql.exec.ExecContext;
import io.pgsight.sql.exec.PlanNode;
import io.pgsight.sql.spi.PgType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Turns plan output columns into RowDescription entries and values into text/binary bytes. */
final class ResultEncoder {
    private final List<PlanNode.OutputColumn> columns;
    private final short[] formats;

    ResultEncoder(List<PlanNode.OutputColumn> columns, short[] resultFormats) {
        this.columns = columns;
        this.formats = new short[columns.size()];
        for (int i = 0; i < formats.length; i++) {
            if (resultFormats == null || resultFormats.length == 0) {
                formats[i] = 0;
            } else if (resultFormats.length == 1) {
                formats[i] = resultFormats[0];
            } else {
                formats[i] = resultFormats[i];
            }
        }
    }

    List<ResultColumn> describe() {
        List<ResultColumn> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            PlanNode.OutputColumn c = columns.get(i);
            PgType t = c.type();
            out.add(new ResultColumn(c.name(), c.tableOid(), (short) c.attnum(), t.oid(), t.length(), c.typmod(), formats[i]));
        }
        return out;
    }

    byte[][] encode(Object[] row, ExecContext ctx) {
        byte[][] out = new byte[columns.size()][];
        for (int i = 0; i < out.length; i++) {
            Object v = row[i];
            if (v == null) {
                continue;
            }
            PgType t = columns.get(i).type();
            out[i] = formats[i] == 1 ? t.send(v) : t.output(v, ctx).getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }
}
