package io.pgsight.sql.pgcatalog;

import io.pgsight.sql.catalog.TypeNames;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL 15's own pg_type and pg_operator rows with their descriptions, extracted from
 * postgres.bki (see src/build/pg15_catalog_from_bki.py). pg_catalog shows the built-in objects the
 * engine does not implement (geometric types and their operators, tsquery ...) from here, so
 * listings such as {@code \do <->} match a real server; objects the engine does implement are shown
 * from the engine's catalog and only borrow their descriptions.
 */
final class BuiltinReference {
    record RefType(int oid, String name, int length, boolean byValue, String typtype, String category, boolean preferred,
                   int element, int array, String align, String storage, int collation, int input, int output,
                   int receive, int send) {
    }

    record RefOperator(int oid, String name, String kind, int left, int right, int result, int commutator, int negator) {
    }

    private static final BuiltinReference INSTANCE = load();

    private final Map<Integer, RefType> types;
    private final List<RefOperator> operators;
    private final Map<Long, String> descriptions;
    private final Map<Integer, String> procedures;

    private BuiltinReference(Map<Integer, RefType> types, List<RefOperator> operators, Map<Long, String> descriptions,
                             Map<Integer, String> procedures) {
        this.types = types;
        this.operators = operators;
        this.descriptions = descriptions;
        this.procedures = procedures;
    }

    /** pg_proc's name for a built-in function OID (array_in for 750), or null. */
    String procedureName(int oid) {
        return procedures.get(oid);
    }

    /** The OID of the built-in function named {@code name} when exactly one has that name, else 0. */
    int procedureOid(String name) {
        int found = 0;
        for (Map.Entry<Integer, String> e : procedures.entrySet()) {
            if (e.getValue().equals(name)) {
                if (found != 0) {
                    return 0;
                }
                found = e.getKey();
            }
        }
        return found;
    }

    static BuiltinReference get() {
        return INSTANCE;
    }

    Map<Integer, RefType> types() {
        return types;
    }

    List<RefOperator> operators() {
        return operators;
    }

    String description(int oid, int classOid) {
        return descriptions.get(((long) classOid << 32) | (oid & 0xffffffffL));
    }

    RefOperator operator(String name, int left, int right) {
        for (RefOperator o : operators) {
            if (o.name().equals(name) && o.left() == left && o.right() == right) {
                return o;
            }
        }
        return null;
    }

    boolean isOperator(int oid) {
        return operators.stream().anyMatch(o -> o.oid() == oid);
    }

    /** format_type's text for a reference type without typmod: {@code box}, {@code point[]}. */
    String formatType(int oid) {
        RefType t = types.get(oid);
        if (t == null) {
            return null;
        }
        if (t.category().equals("A") && t.element() != 0) {
            String e = formatType(t.element());
            return e == null ? null : e + "[]";
        }
        return TypeNames.sqlName(t.name());
    }

    private static BuiltinReference load() {
        Map<Integer, RefType> types = new HashMap<>();
        List<RefOperator> ops = new ArrayList<>();
        Map<Long, String> descr = new HashMap<>();
        Map<Integer, String> procs = new HashMap<>();
        try (InputStream in = BuiltinReference.class.getResourceAsStream("pg15-builtin-catalog.tsv")) {
            if (in == null) {
                return new BuiltinReference(Map.of(), List.of(), Map.of(), Map.of());
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t", -1);
                switch (f[0]) {
                    case "T" -> types.put(i(f[1]), new RefType(i(f[1]), f[2], i(f[3]), f[4].equals("t"), f[5], f[6],
                            f[7].equals("t"), i(f[8]), i(f[9]), f[10], f[11], i(f[12]), i(f[13]), i(f[14]), i(f[15]),
                            i(f[16])));
                    case "P" -> procs.put(i(f[1]), f[2]);
                    case "O" -> ops.add(new RefOperator(i(f[1]), f[2], f[3], i(f[4]), i(f[5]), i(f[6]), i(f[7]), i(f[8])));
                    case "D" -> descr.put(((long) i(f[2]) << 32) | (i(f[1]) & 0xffffffffL),
                            f[3].replace("\\t", "\t").replace("\\\\", "\\"));
                    default -> {
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // a damaged reference file must not take the server down: show only the engine's own objects
            return new BuiltinReference(Map.of(), List.of(), Map.of(), Map.of());
        }
        return new BuiltinReference(Collections.unmodifiableMap(types), List.copyOf(ops), Collections.unmodifiableMap(descr),
                Collections.unmodifiableMap(procs));
    }

    /** An OID field; bki writes "-" for a zero regproc. */
    private static int i(String s) {
        return s.equals("-") ? 0 : (int) Long.parseLong(s);
    }
}
