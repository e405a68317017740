package io.pgsight.sql.plpgsql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PL/pgSQL condition names ({@code division_by_zero}, {@code unique_violation}, ...) and the SQLSTATEs they stand
 * for, for RAISE condition_name and EXCEPTION WHEN. {@code others} is not listed: it matches everything except
 * query_canceled and assert_failure.
 */
public final class PlConditions {
    private static final Map<String, List<String>> BY_NAME = load();

    private PlConditions() {
    }

    /** The SQLSTATEs of a condition name (lower-case), empty when the name is unknown. */
    public static List<String> sqlStates(String name) {
        return BY_NAME.getOrDefault(name, List.of());
    }

    public static boolean isKnown(String name) {
        return BY_NAME.containsKey(name);
    }

    /**
     * Whether an error with {@code sqlState} is caught by a handler for {@code name}: an exact code, or a class
     * code ({@code xx000}) matching its whole class; {@code others} catches all but 57014 and P0004.
     */
    public static boolean matches(String name, String sqlState) {
        if (name.equals("others")) {
            return !sqlState.equals("57014") && !sqlState.equals("P0004");
        }
        for (String code : sqlStates(name)) {
            if (code.equals(sqlState) || (code.endsWith("000") && sqlState.startsWith(code.substring(0, 2)))) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, List<String>> load() {
        Map<String, List<String>> map = new HashMap<>();
        try (InputStream in = PlConditions.class.getResourceAsStream("conditions.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split("\\s+");
                map.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        return Map.copyOf(map);
    }
}
