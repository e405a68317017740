package io.pgsight.sql.spi;

/** What a build sees: the table's current rows (row id + indexed key), options, opclass, session. */
public interface IndexBuildContext {
    String indexName();

    String tableName();

    OperatorClassDef operatorClass();

    /** The value {@link IndexAccessMethod#parseOptions} returned. */
    Object options();

    /** The indexed column's typmod (e.g. vector dimensions), -1 if none. */
    int keyTypmod();

    /**
     * The indexed expression's type name as a user writes it (e.g. {@code "bit varying"}), or null
     * when the engine does not say. pgvector refuses varbit columns although their opclass is bit's.
     */
    default String keyTypeName() {
        return null;
    }

    FunctionContext session();

    /** Visits every live row: {@code key} is the indexed expression's value (may be null). */
    void forEachRow(RowVisitor visitor);

    @FunctionalInterface
    interface RowVisitor {
        void visit(long rowId, Object key);
    }
}
