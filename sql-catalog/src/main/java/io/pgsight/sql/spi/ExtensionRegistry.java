package io.pgsight.sql.spi;

/**
 * What an extension may add. Objects land in the schema the extension is created in. Registration
 * order matters only in that a referenced object (type, function) must be registered first.
 */
public interface ExtensionRegistry {
    void type(PgType type);

    void function(FunctionDef function);

    void operator(OperatorDef operator);

    void cast(CastDef cast);

    void aggregate(AggregateDef aggregate);

    void setting(SettingDef setting);

    /** A new index access method (ivfflat, hnsw, pase_ivfflat ...). */
    void accessMethod(AccessMethodDef accessMethod);

    /** An operator class, for a new access method or an existing one such as {@code gist}. */
    void operatorClass(OperatorClassDef operatorClass);
}
