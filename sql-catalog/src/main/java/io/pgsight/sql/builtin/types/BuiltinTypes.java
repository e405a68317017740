package io.pgsight.sql.builtin.types;

import io.pgsight.sql.spi.ExtensionRegistry;
import io.pgsight.sql.spi.PgType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * pg_catalog's types with their real OIDs, and an array type for each that has one. Registered
 * under their typnames ({@code int4}, {@code _int4}); SQL spellings ({@code integer}, {@code int[]})
 * are the engine's to map, see {@link TypeNames}.
 */
public final class BuiltinTypes {
    private static final List<PgType> SCALARS = List.of(
            new BoolType(), new ByteaType(), TextType.singleChar(), TextType.nameType(), IntegerType.int8(),
            IntegerType.int2(), IntegerType.int4(), new OidType("regproc", 24, 1008, "regproc"), TextType.text(),
            new OidType("oid", 26, 1028, "oid"), io.pgsight.sql.builtin.json.JsonTypes.json(), FloatType.float4(), FloatType.float8(),
            TextType.unknown(), TextType.bpchar(), TextType.varchar(), new DateType(), new TimeType(),
            TimestampType.timestamp(), TimestampType.timestamptz(), new IntervalType(), new NumericType(),
            new OidType("regprocedure", 2202, 2207, "regprocedure"), new OidType("regclass", 2205, 2210, "regclass"),
            new OidType("regtype", 2206, 2211, "regtype"), new OidType("regnamespace", 4089, 4090, "regnamespace"),
            TextType.cstring(), new UuidType(), BitType.bit(), BitType.varbit(),
            io.pgsight.sql.builtin.json.JsonTypes.jsonb(), new io.pgsight.sql.builtin.json.path.JsonPathType());

    private static final List<PgType> PSEUDO = List.of(
            new PseudoType("record", 2249, 2287), new PseudoType("any", 2276, 0),
            new PseudoType("anyarray", 2277, 0), new PseudoType("void", 2278, 0),
            new PseudoType("trigger", 2279, 0), new PseudoType("internal", 2281, 0),
            new PseudoType("anyelement", 2283, 0), new PseudoType("anynonarray", 2776, 0),
            new PseudoType("anyenum", 3500, 0), new PseudoType("anycompatible", 5077, 0),
            new PseudoType("anycompatiblearray", 5078, 0), new PseudoType("anycompatiblenonarray", 5079, 0));

    private static final Map<String, PgType> BY_NAME;
    private static final Map<Integer, PgType> BY_OID;

    static {
        Map<String, PgType> m = new LinkedHashMap<>();
        for (PgType t : SCALARS) {
            m.put(t.name(), t);
        }
        for (PgType t : PSEUDO) {
            m.put(t.name(), t);
        }
        List<PgType> withArrays = new ArrayList<>(SCALARS);
        withArrays.addAll(PSEUDO);
        for (PgType t : withArrays) {
            if (t.arrayOid() != 0) {
                ArrayType a = new ArrayType(t);
                m.put(a.name(), a);
            }
        }
        BY_NAME = Collections.unmodifiableMap(m);
        Map<Integer, PgType> byOid = new java.util.HashMap<>();
        for (PgType t : m.values()) {
            byOid.put(t.oid(), t);
        }
        BY_OID = Collections.unmodifiableMap(byOid);
    }

    private BuiltinTypes() {
    }

    /** All types in registration order (elements before their arrays). */
    public static List<PgType> all() {
        return new ArrayList<>(BY_NAME.values());
    }

    /** A type by typname ({@code int4}, {@code _text}), or null. */
    public static PgType byName(String typname) {
        return BY_NAME.get(typname);
    }

    public static PgType byOid(int oid) {
        return BY_OID.get(oid);
    }

    public static void register(ExtensionRegistry registry) {
        for (PgType t : BY_NAME.values()) {
            registry.type(t);
        }
    }
}
