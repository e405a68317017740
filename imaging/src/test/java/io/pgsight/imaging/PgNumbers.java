package io.pgsight.imaging;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** PostgreSQL conversions the compat transcripts apply to float4 results. */
final class PgNumbers {
    private PgNumbers() {
    }

    /** {@code round(x::numeric, 4)} for float4 x: "%.6g" of the exact value, then half away from zero. */
    static String round4(float x) {
        BigDecimal six = new BigDecimal((double) x).round(new MathContext(6, RoundingMode.HALF_EVEN));
        return six.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    /** True when psql's shortest float4 text reads back as exactly {@code x}. */
    static boolean sameFloat4(String printed, float x) {
        return Float.floatToIntBits(Float.parseFloat(printed)) == Float.floatToIntBits(x);
    }
}
