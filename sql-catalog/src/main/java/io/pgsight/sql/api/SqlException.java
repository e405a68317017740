package io.pgsight.sql.api;

/**
 * A PostgreSQL-style error or notice: severity, SQLSTATE, message and optional detail, hint,
 * 1-based character position in the statement text, and context lines ("PL/pgSQL function ...").
 */
public class SqlException extends RuntimeException {
    private final String severity;
    private final String sqlState;
    private final String detail;
    private final String hint;
    private final int position;
    private final String context;
    private String internalQuery;
    private int internalPosition;

    public SqlException(String severity, String sqlState, String message, String detail, String hint, int position,
                        String context) {
        super(message);
        this.severity = severity;
        this.sqlState = sqlState;
        this.detail = detail;
        this.hint = hint;
        this.position = position;
        this.context = context;
    }

    public SqlException(String sqlState, String message) {
        this("ERROR", sqlState, message, null, null, 0, null);
    }

    public static SqlException notice(String message) {
        return new SqlException("NOTICE", "00000", message, null, null, 0, null);
    }

    public String severity() {
        return severity;
    }

    public String sqlState() {
        return sqlState;
    }

    public String detail() {
        return detail;
    }

    public String hint() {
        return hint;
    }

    /** 1-based character offset into the statement, 0 when unknown. */
    public int position() {
        return position;
    }

    public String context() {
        return context;
    }

    public SqlException withDetail(String d) {
        return new SqlException(severity, sqlState, getMessage(), d, hint, position, context).copyExtras(this);
    }

    public SqlException withHint(String h) {
        return new SqlException(severity, sqlState, getMessage(), detail, h, position, context).copyExtras(this);
    }

    public SqlException withPosition(int p) {
        return new SqlException(severity, sqlState, getMessage(), detail, hint, p, context).copyExtras(this);
    }

    public SqlException withContext(String c) {
        return new SqlException(severity, sqlState, getMessage(), detail, hint, position, c).copyExtras(this);
    }

    /**
     * The query text of a statement generated inside a function (PL/pgSQL embedded SQL) that the error's
     * {@link #internalPosition()} points into; PostgreSQL sends them as the 'q' and 'p' fields.
     */
    public String internalQuery() {
        return internalQuery;
    }

    /** 1-based character offset into {@link #internalQuery()}, 0 when none. */
    public int internalPosition() {
        return internalPosition;
    }

    /** A copy with the position moved into an internal query (and the ordinary position cleared). */
    public SqlException withInternalQuery(String query, int internalPos) {
        SqlException e = new SqlException(severity, sqlState, getMessage(), detail, hint, 0, context);
        e.copyExtras(this);
        return e.internal(query, internalPos);
    }

    private SqlException copyExtras(SqlException from) {
        if (from.getCause() != null && getCause() == null) {
            initCause(from.getCause());
        }
        this.objects = from.objects;
        return internal(from.internalQuery, from.internalPosition);
    }

    /**
     * The database objects an error concerns, PostgreSQL's schema_name, table_name, column_name, datatype_name
     * and constraint_name fields (what GET STACKED DIAGNOSTICS reads); each may be null.
     */
    public record ObjectNames(String schema, String table, String column, String datatype, String constraint) {
        static final ObjectNames NONE = new ObjectNames(null, null, null, null, null);
    }

    private ObjectNames objects = ObjectNames.NONE;

    public ObjectNames objectNames() {
        return objects;
    }

    /** A copy naming the objects the error concerns. */
    public SqlException withObjectNames(ObjectNames names) {
        SqlException e = new SqlException(severity, sqlState, getMessage(), detail, hint, position, context)
                .copyExtras(this);
        e.objects = names == null ? ObjectNames.NONE : names;
        return e;
    }

    private SqlException internal(String query, int pos) {
        this.internalQuery = query;
        this.internalPosition = pos;
        return this;
    }
}
