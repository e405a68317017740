package io.pgsight.ext.vector;

import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.IndexBuildContext;
import io.pgsight.sql.spi.OperatorClassDef;
import java.util.LinkedHashMap;
import java.util.Map;

/** A table held in memory for index builds in tests. */
class TestBuildContext implements IndexBuildContext {
    final Map<Long, Object> rows = new LinkedHashMap<>();
    private final OperatorClassDef opclass;
    private final Object options;
    private final int typmod;
    private final FunctionContext session;

    TestBuildContext(OperatorClassDef opclass, Object options, int typmod, FunctionContext session) {
        this.opclass = opclass;
        this.options = options;
        this.typmod = typmod;
        this.session = session;
    }

    @Override
    public String indexName() {
        return "test_idx";
    }

    @Override
    public String tableName() {
        return "test";
    }

    @Override
    public OperatorClassDef operatorClass() {
        return opclass;
    }

    @Override
    public Object options() {
        return options;
    }

    @Override
    public int keyTypmod() {
        return typmod;
    }

    @Override
    public FunctionContext session() {
        return session;
    }

    @Override
    public void forEachRow(RowVisitor visitor) {
        rows.forEach(visitor::visit);
    }
}
