package io.pgsight.sql.builtin.types;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.PgErrors;
import io.pgsight.sql.builtin.numeric.Numerics;
import io.pgsight.sql.format.PgNumeric;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;

/**
 * numeric: Java BigDecimal whose scale is the display scale (never negative), or the PgNumeric constants
 * NaN / Infinity / -Infinity. Typmod is PostgreSQL's {@code ((precision << 16) | (scale & 0x7ff)) + 4};
 * binary is the base-10000 wire format. Arithmetic and text forms are {@link PgNumeric}'s.
 */
public final class NumericType extends BaseType {
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10000);
    private static final int NAN = 0xC000;
    private static final int PINF = 0xD000;
    private static final int NINF = 0xF000;

    public NumericType() {
        super("numeric", 1700, 1231, -1, 'N', false);
    }

    @Override
    public Object input(String text, int typmod) {
        return applyTypmod(Numerics.value(PgNumeric.parse(text)), typmod, false);
    }

    /** A value with a negative scale gets scale 0 (1e3 displays as 1000). */
    public static BigDecimal normalize(BigDecimal v) {
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    @Override
    public String output(Object value) {
        return Numerics.of(value).toString();
    }

    @Override
    public int typmodIn(int[] modifiers) {
        if (modifiers.length < 1 || modifiers.length > 2) {
            throw new SqlException("22023", "invalid NUMERIC type modifier");
        }
        int precision = modifiers[0];
        int scale = modifiers.length == 2 ? modifiers[1] : 0;
        if (precision < 1 || precision > 1000) {
            throw new SqlException("22023", "NUMERIC precision " + precision + " must be between 1 and 1000");
        }
        if (scale < -1000 || scale > 1000) {
            throw new SqlException("22023", "NUMERIC scale " + scale + " must be between -1000 and 1000");
        }
        return ((precision << 16) | (scale & 0x7ff)) + 4;
    }

    public static int precisionOf(int typmod) {
        return ((typmod - 4) >> 16) & 0xffff;
    }

    public static int scaleOf(int typmod) {
        return (((typmod - 4) & 0x7ff) ^ 1024) - 1024;
    }

    @Override
    public String typmodOut(int typmod) {
        if (typmod < 4) {
            return "";
        }
        return "(" + precisionOf(typmod) + "," + scaleOf(typmod) + ")";
    }

    @Override
    public Object applyTypmod(Object value, int typmod, boolean explicit) {
        if (typmod < 4) {
            return value;
        }
        return Numerics.value(Numerics.of(value).applyTypmod(precisionOf(typmod), scaleOf(typmod)));
    }

    @Override
    public Object receive(byte[] data, int typmod) {
        ByteBuffer b = ByteBuffer.wrap(data);
        int ndigits = BinaryBuffers.getShort(b);
        int weight = BinaryBuffers.getShort(b);
        int sign = BinaryBuffers.getShort(b) & 0xffff;
        int dscale = BinaryBuffers.getShort(b);
        switch (sign) {
            case NAN:
                return PgNumeric.NaN;
            case PINF:
                return PgNumeric.POSITIVE_INFINITY;
            case NINF:
                return PgNumeric.NEGATIVE_INFINITY;
            case 0, 0x4000:
                break;
            default:
                throw PgErrors.invalidBinary("invalid sign in external \"numeric\" value");
        }
        BigInteger unscaled = BigInteger.ZERO;
        for (int i = 0; i < ndigits; i++) {
            int d = BinaryBuffers.getShort(b);
            if (d < 0 || d >= 10000) {
                throw PgErrors.invalidBinary("invalid digit in external \"numeric\" value");
            }
            unscaled = unscaled.multiply(TEN_THOUSAND).add(BigInteger.valueOf(d));
        }
        // unscaled holds digits with the last one at base-10000 position (weight - ndigits + 1)
        BigDecimal v = new BigDecimal(unscaled, -4 * (weight - ndigits + 1));
        if (sign == 0x4000) {
            v = v.negate();
        }
        return applyTypmod(v.setScale(Math.max(dscale, 0), RoundingMode.HALF_UP), typmod, false);
    }

    @Override
    public byte[] send(Object value) {
        if (value instanceof PgNumeric p) {
            int sign = p.isNaN() ? NAN : p.signum() > 0 ? PINF : NINF;
            return ByteBuffer.allocate(8).putShort((short) 0).putShort((short) 0).putShort((short) sign)
                    .putShort((short) 0).array();
        }
        BigDecimal v = normalize((BigDecimal) value);
        int dscale = v.scale();
        String plain = v.abs().toPlainString();
        int dot = plain.indexOf('.');
        String intPart = dot < 0 ? plain : plain.substring(0, dot);
        String fracPart = dot < 0 ? "" : plain.substring(dot + 1);
        if (intPart.equals("0")) {
            intPart = "";
        }
        intPart = "0".repeat((4 - intPart.length() % 4) % 4) + intPart;
        fracPart = fracPart + "0".repeat((4 - fracPart.length() % 4) % 4);
        String all = intPart + fracPart;
        int groups = all.length() / 4;
        short[] digits = new short[groups];
        for (int i = 0; i < groups; i++) {
            digits[i] = Short.parseShort(all.substring(4 * i, 4 * i + 4));
        }
        int weight = intPart.length() / 4 - 1;
        int first = 0;
        while (first < groups && digits[first] == 0) {
            first++;
            weight--;
        }
        int last = groups;
        while (last > first && digits[last - 1] == 0) {
            last--;
        }
        int n = last - first;
        if (n == 0) {
            weight = 0;
        }
        ByteBuffer b = ByteBuffer.allocate(8 + 2 * n);
        b.putShort((short) n).putShort((short) weight).putShort((short) (v.signum() < 0 ? 0x4000 : 0))
                .putShort((short) dscale);
        for (int i = first; i < last; i++) {
            b.putShort(digits[i]);
        }
        return b.array();
    }
}
