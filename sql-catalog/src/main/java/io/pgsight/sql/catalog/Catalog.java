package io.pgsight.sql.catalog;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.PgType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One database's catalog: schemas, relations, sequences, types, functions, operators, casts,
 * aggregates, access methods, operator classes, extensions. Entries are immutable records held in
 * concurrent maps, so readers never lock; DDL serialises on {@link #ddlLock()}. User objects get OIDs
 * from one counter starting at 16384 (FirstNormalObjectId); built-ins keep PostgreSQL's OIDs.
 */
public final class Catalog {
    private final String database;
    private final int databaseOid;
    /** First OID of the range reserved for built-in extensions' fixed OIDs. */
    public static final int FIRST_EXTENSION_OID = 17000;
    /** End (exclusive) of the reserved extension range. */
    public static final int END_EXTENSION_OID = 17300;
    private final AtomicInteger nextOid = new AtomicInteger(16384);
    private final ReentrantLock ddl = new ReentrantLock();
    /** Counts schema changes in every database: a plan made at one value is stale once it moves on. */
    private static final java.util.concurrent.atomic.AtomicLong SCHEMA_GENERATION = new java.util.concurrent.atomic.AtomicLong();

    final Map<String, Integer> schemas = new ConcurrentHashMap<>();
    final Map<String, Table> relations = new ConcurrentHashMap<>();
    private final Map<Integer, Table> relationsByOid = new ConcurrentHashMap<>();
    final Map<String, Sequence> sequences = new ConcurrentHashMap<>();
    final Map<Integer, PgType> typesByOid = new ConcurrentHashMap<>();
    final Map<String, PgType> typesByName = new ConcurrentHashMap<>();
    final Map<Integer, String> typeExtension = new ConcurrentHashMap<>();
    final Map<String, List<FunctionEntry>> functions = new ConcurrentHashMap<>();
    final Map<String, List<OperatorEntry>> operators = new ConcurrentHashMap<>();
    final Map<Long, CastEntry> casts = new ConcurrentHashMap<>();
    final Map<String, List<AggregateEntry>> aggregates = new ConcurrentHashMap<>();
    final Map<String, AccessMethodEntry> accessMethods = new ConcurrentHashMap<>();
    final Map<String, List<OperatorClassEntry>> operatorClasses = new ConcurrentHashMap<>();
    final Map<String, ExtensionEntry> extensions = new ConcurrentHashMap<>();
    final Map<String, String> comments = new ConcurrentHashMap<>();
    private final RelationClaims claims = new RelationClaims();

    public Catalog(String database, int databaseOid) {
        this.database = database;
        this.databaseOid = databaseOid;
        schemas.put("pg_catalog", 11);
        schemas.put("public", 2200);
        schemas.put("information_schema", 13000);
        for (PseudoType p : PseudoType.all()) {
            typesByOid.put(p.oid(), p);
            typesByName.put(p.name(), p);
        }
        int amOid = 403;
        for (String am : List.of("btree", "hash", "gist", "gin", "spgist", "brin")) {
            int oid = switch (am) {
                case "btree" -> 403;
                case "hash" -> 405;
                case "gist" -> 783;
                case "gin" -> 2742;
                case "spgist" -> 4000;
                default -> 3580;
            };
            accessMethods.put(am, new AccessMethodEntry(oid, am, null, null, null));
        }
    }

    /** The schema generation now; cached plans compare it with the one they were made at. */
    public static long schemaGeneration() {
        return SCHEMA_GENERATION.get();
    }

    /** Any change of what a plan may have looked up (relations, shapes, functions, types, operators ...). */
    static void schemaChanged() {
        SCHEMA_GENERATION.incrementAndGet();
    }

    public String database() {
        return database;
    }

    public int databaseOid() {
        return databaseOid;
    }

    /**
     * The next user OID. Built-in extensions (vector, pase, imgsmlr) keep fixed type OIDs in
     * [{@value #FIRST_EXTENSION_OID}, {@value #END_EXTENSION_OID}) so clients can cache them; user
     * objects skip that range instead of colliding with it after a few hundred CREATEs.
     */
    /** The OID {@link #newOid} would hand out next (objects a statement made have OIDs from here). */
    public int peekNextOid() {
        return nextOid.get();
    }

    public int newOid() {
        while (true) {
            int oid = nextOid.getAndIncrement();
            if (oid < FIRST_EXTENSION_OID || oid >= END_EXTENSION_OID) {
                return oid;
            }
            nextOid.compareAndSet(oid + 1, END_EXTENSION_OID);
        }
    }

    public ReentrantLock ddlLock() {
        return ddl;
    }

    /** Relation names held by transactions with uncommitted DDL on them; lookups wait for those. */
    public RelationClaims claims() {
        return claims;
    }

    Map<Integer, Table> relationsByOid() {
        return relationsByOid;
    }

    Map<Integer, List<String>> relOptionsMap() {
        return relOptions;
    }

    // ------------------------------------------------------------------ schemas and relations

    public boolean schemaExists(String s) {
        return schemas.containsKey(s);
    }

    /**
     * Waits while another transaction holds schema {@code s} (created or dropped it and has not ended):
     * DDL that would put something into it waits rather than depending on an uncommitted schema.
     */
    public void awaitSchema(String s) {
        claims.awaitFree(s, "");
    }

    public void addSchema(String s) {
        schemaChanged();
        schemas.put(s, newOid());
    }

    public void removeSchema(String s) {
        schemaChanged();
        schemas.remove(s);
    }

    public Collection<String> schemaNames() {
        return schemas.keySet();
    }

    private static String key(String schema, String name) {
        return schema + "." + name;
    }

    /** Looks a relation up by optional schema, else along PostgreSQL's default search path. */
    public Table relation(String schema, String name) {
        return relation(schema, name, SearchPath.DEFAULT);
    }

    /** Looks a relation up by optional schema, else along {@code path}. */
    public Table relation(String schema, String name, SearchPath path) {
        if (schema != null) {
            claims.awaitFree(schema, name);
            return relations.get(key(schema, name));
        }
        for (String s : path.searched(this)) {
            claims.awaitFree(s, name);
            Table t = relations.get(key(s, name));
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    public Table relationByOid(int oid) {
        return relationsByOid.get(oid);
    }

    public Collection<Table> relations() {
        return relations.values();
    }

    public void putRelation(Table t) {
        schemaChanged();
        relations.put(key(t.schema(), t.name()), t);
        relationsByOid.put(t.oid(), t);
    }

    public void removeRelation(Table t) {
        schemaChanged();
        relations.remove(key(t.schema(), t.name()));
        relationsByOid.remove(t.oid(), t);
    }

    /** True when any relation-like object (table, view, index, sequence) has this name in the schema. */
    public boolean relationNameTaken(String schema, String name) {
        claims.awaitFree(schema, name);
        if (relations.containsKey(key(schema, name)) || sequences.containsKey(key(schema, name))) {
            return true;
        }
        return indexByName(schema, name) != null;
    }

    public IndexEntry indexByName(String schema, String name) {
        for (Table t : relations.values()) {
            if (schema != null && !t.schema().equals(schema)) {
                continue;
            }
            for (IndexEntry i : t.indexes()) {
                if (i.name().equals(name)) {
                    return i;
                }
            }
        }
        return null;
    }

    public Sequence sequence(String schema, String name) {
        return sequence(schema, name, SearchPath.DEFAULT);
    }

    /** Looks a sequence up by optional schema, else along {@code path}. */
    public Sequence sequence(String schema, String name, SearchPath path) {
        if (schema != null) {
            claims.awaitFree(schema, name);
            return sequences.get(key(schema, name));
        }
        for (String s : path.searched(this)) {
            claims.awaitFree(s, name);
            Sequence q = sequences.get(key(s, name));
            if (q != null) {
                return q;
            }
        }
        return null;
    }

    public Collection<Sequence> sequences() {
        return sequences.values();
    }

    public void putSequence(Sequence s) {
        schemaChanged();
        sequences.put(key(s.schema(), s.name()), s);
    }

    public void removeSequence(Sequence s) {
        schemaChanged();
        sequences.remove(key(s.schema(), s.name()));
    }

    /** A name not yet used by any relation in the schema: base, base1, base2 ... (PostgreSQL's ChooseRelationName). */
    public String chooseRelationName(String schema, String base) {
        String n = truncate(base);
        for (int i = 1; relationNameTaken(schema, n); i++) {
            n = truncate(base) + i;
        }
        return n;
    }

    /** Builds {@code table_col_suffix} like PostgreSQL's makeObjectName, cut to 63 bytes. */
    public static String objectName(String table, String columns, String suffix) {
        String n = columns == null ? table + "_" + suffix : table + "_" + columns + "_" + suffix;
        return truncate(n);
    }

    private static String truncate(String n) {
        byte[] b = n.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (b.length <= 63) {
            return n;
        }
        StringBuilder sb = new StringBuilder();
        int used = 0;
        for (int cp : n.codePoints().toArray()) {
            int len = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (used + len > 63) {
                break;
            }
            sb.appendCodePoint(cp);
            used += len;
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ types

    public PgType typeByOid(int oid) {
        return typesByOid.get(oid);
    }

    /** A type by internal or SQL name ({@code integer}, {@code int4}, {@code vector}, {@code integer[]}). */
    public PgType typeByName(String name) {
        String n = name.trim();
        if (n.endsWith("[]")) {
            PgType elem = typeByName(n.substring(0, n.length() - 2));
            return elem == null ? null : arrayOf(elem);
        }
        String canon = TypeNames.canonical(n);
        if (canon.startsWith("_")) {
            PgType elem = typesByName.get(canon.substring(1));
            if (elem != null && elem.arrayOid() != 0) {
                return arrayOf(elem);
            }
        }
        return typesByName.get(canon);
    }

    /** The array type of {@code element}, or null when it has none. */
    public PgType arrayOf(PgType element) {
        if (element.arrayOid() == 0) {
            return null;
        }
        if (element.oid() == PseudoType.RECORD && typesByOid.get(PseudoType.RECORD) != element) {
            return new GenericArrayType(element); // a row type with known fields: its own array type
        }
        PgType t = typesByOid.get(element.arrayOid());
        if (t == null) {
            t = new GenericArrayType(element);
            typesByOid.put(t.oid(), t);
            typesByName.put(t.name(), t);
        }
        return t;
    }

    /** The element type when {@code t} is an array type, else null. */
    public PgType elementOf(PgType t) {
        if (t instanceof GenericArrayType g) {
            return g.element();
        }
        return t.elementOid() == 0 ? null : typesByOid.get(t.elementOid());
    }

    public Collection<PgType> types() {
        return typesByOid.values();
    }

    public String typeExtension(int oid) {
        return typeExtension.get(oid);
    }

    /** format_type without typmod: {@code integer}, {@code character varying}, {@code vector}, {@code integer[]}. */
    public String formatType(PgType t) {
        PgType e = elementOf(t);
        if (e != null && t.name().startsWith("_")) { // int2vector/oidvector have elements but keep their names
            return formatType(e) + "[]";
        }
        return TypeNames.sqlName(t.name());
    }

    public String formatType(PgType t, int typmod) {
        PgType e = elementOf(t);
        if (e != null && t.name().startsWith("_")) { // int2vector/oidvector have elements but keep their names
            return formatType(e, typmod) + "[]";
        }
        String base = TypeNames.sqlName(t.name());
        if (typmod < 0) {
            return base;
        }
        String mod = t.typmodOut(typmod);
        if (base.startsWith("timestamp") || base.startsWith("time ")) {
            int sp = base.indexOf(' ');
            return base.substring(0, sp) + mod + base.substring(sp);
        }
        return base + mod;
    }

    // ------------------------------------------------------------------ functions, operators, casts, aggregates

    public List<FunctionEntry> functions(String name) {
        return functions.getOrDefault(name, List.of());
    }

    public List<OperatorEntry> operators(String symbol) {
        return operators.getOrDefault(symbol, List.of());
    }

    public CastEntry cast(int source, int target) {
        return casts.get(((long) source << 32) | (target & 0xffffffffL));
    }

    public List<AggregateEntry> aggregates(String name) {
        return aggregates.getOrDefault(name, List.of());
    }

    public AccessMethodEntry accessMethod(String name) {
        return accessMethods.get(name);
    }

    public List<OperatorClassEntry> operatorClasses(String accessMethod) {
        return operatorClasses.getOrDefault(accessMethod, List.of());
    }

    public ExtensionEntry extension(String name) {
        return extensions.get(name);
    }

    public Collection<ExtensionEntry> extensions() {
        return extensions.values();
    }

    public void putFunction(FunctionEntry f) {
        schemaChanged();
        functions.compute(f.name(), (k, l) -> {
            List<FunctionEntry> n = new ArrayList<>(l == null ? List.of() : l);
            n.removeIf(e -> e.argumentTypes().equals(f.argumentTypes()) && e.schema().equals(f.schema()));
            n.add(f);
            return List.copyOf(n);
        });
    }

    public void removeFunction(FunctionEntry f) {
        schemaChanged();
        functions.computeIfPresent(f.name(), (k, l) -> {
            List<FunctionEntry> n = new ArrayList<>(l);
            n.remove(f);
            return n.isEmpty() ? null : List.copyOf(n);
        });
    }

    public void setComment(String objectKey, String comment) {
        schemaChanged();
        if (comment == null) {
            comments.remove(objectKey);
        } else {
            comments.put(objectKey, comment);
        }
    }

    public String comment(String objectKey) {
        return comments.get(objectKey);
    }

    // ------------------------------------------------------------------ enumeration for pg_catalog views

    /** A schema's OID, or 0 when it does not exist. */
    public int schemaOid(String s) {
        Integer o = schemas.get(s);
        return o == null ? 0 : o;
    }

    public List<FunctionEntry> allFunctions() {
        return functions.values().stream().flatMap(List::stream).toList();
    }

    public List<OperatorEntry> allOperators() {
        return operators.values().stream().flatMap(List::stream).toList();
    }

    public List<AggregateEntry> allAggregates() {
        return aggregates.values().stream().flatMap(List::stream).toList();
    }

    public Collection<AccessMethodEntry> allAccessMethods() {
        return accessMethods.values();
    }

    public List<OperatorClassEntry> allOperatorClasses() {
        return operatorClasses.values().stream().flatMap(List::stream).toList();
    }

    public Collection<CastEntry> allCasts() {
        return casts.values();
    }

    public Collection<Sequence> allSequences() {
        return sequences.values();
    }

    /** An index's reloptions as PostgreSQL stores them ({@code m=8}), in the order written. */
    public List<String> relOptions(int relationOid) {
        return relOptions.getOrDefault(relationOid, List.of());
    }

    public void setRelOptions(int relationOid, List<String> options) {
        schemaChanged();
        relOptions.put(relationOid, List.copyOf(options));
    }

    /** Comments set by COMMENT ON and registrations, keyed {@code KIND:name} / {@code type:oid}. */
    public Map<String, String> allComments() {
        return java.util.Collections.unmodifiableMap(comments);
    }

    private final Map<Integer, List<String>> relOptions = new ConcurrentHashMap<>();

    static SqlException undefinedType(String name) {
        return new SqlException("42704", "type \"" + name + "\" does not exist");
    }
}
