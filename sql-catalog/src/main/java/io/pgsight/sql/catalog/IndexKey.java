package io.pgsight.sql.catalog;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns SQL values into hash keys whose Java equality matches SQL equality for the types an
 * equality index holds (numeric scale and bytea contents normalised).
 */
public final class IndexKey {
    private IndexKey() {
    }

    public static Object of(Object value) {
        if (value instanceof BigDecimal d) {
            return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        }
        if (value instanceof byte[] b) {
            return ByteBuffer.wrap(b.clone());
        }
        if (value instanceof Short s) {
            return s.longValue();
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(of(o));
            }
            return out;
        }
        return value;
    }
}
