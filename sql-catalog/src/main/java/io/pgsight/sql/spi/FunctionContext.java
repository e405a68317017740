package io.pgsight.sql.spi;

/** What a function, cast, aggregate or index may ask of the session that runs it. */
public interface FunctionContext {
    /** Sends a NOTICE (or WARNING, INFO ...: {@code severity}) to the client. */
    void notice(String severity, String message);

    /**
     * Sends a notice that carries DETAIL/HINT (severity and texts taken from {@code notice}). The default
     * drops the extra fields; engines should override it.
     */
    default void notice(io.pgsight.sql.api.SqlException notice) {
        notice(notice.severity(), notice.getMessage());
    }

    /** The current value of a setting, as SHOW prints it (e.g. {@code hnsw.ef_search} -> "40"). */
    String setting(String name);

    /** Throws 57014 if the statement was cancelled or timed out; call it in long loops. */
    void checkCancelled();

    /**
     * The resolved type (typname, e.g. {@code int4}, {@code _text}) of argument {@code index} of the
     * call being evaluated, for functions over "any" or polymorphic arguments that need to print or
     * classify their input (concat, format, anytextcat, array_agg); null when not known.
     */
    default String argumentType(int index) {
        return null;
    }

    /**
     * The resolved type of argument {@code index} itself, with what its name does not say (a record's
     * fields); null when not known.
     */
    default PgType argumentPgType(int index) {
        return null;
    }

    /**
     * Per-session state owned by a function family (e.g. the random() generator that setseed seeds),
     * created by {@code initial} on first use. The default keeps nothing between calls.
     */
    default <T> T sessionState(Class<T> key, java.util.function.Supplier<T> initial) {
        return initial.get();
    }
}
