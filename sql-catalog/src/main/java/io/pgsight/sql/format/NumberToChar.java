package io.pgsight.sql.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * to_char(numeric|float|integer, text) for the number template patterns of PostgreSQL (C locale): 9 0 . D , G
 * S MI PL SG PR FM EEEE V TH th; digits that do not fit print as '#'. A leading sign position is kept unless an
 * explicit sign pattern is given; FM drops padding and trailing fractional zeros of 9 positions.
 */
public final class NumberToChar {
    private NumberToChar() {
    }

    public static String numeric(PgNumeric v, String format) {
        if (v.isNaN()) {
            return special(format, "NaN");
        }
        if (v.isInfinite()) {
            return special(format, v.signum() > 0 ? "Infinity" : "-Infinity");
        }
        return format(v.bigDecimal(), format, RoundingMode.HALF_UP);
    }

    public static String float8(double v, String format) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return special(format, FloatFormat.float8Out(v));
        }
        return format(new BigDecimal(v), format, RoundingMode.HALF_EVEN);
    }

    public static String float4(float v, String format) {
        if (Float.isNaN(v) || Float.isInfinite(v)) {
            return special(format, FloatFormat.float4Out(v));
        }
        return format(new BigDecimal(v), format, RoundingMode.HALF_EVEN);
    }

    public static String int8(long v, String format) {
        return format(BigDecimal.valueOf(v), format, RoundingMode.HALF_UP);
    }

    /** NaN/Infinity fill the digit positions with '#', as PostgreSQL does. */
    private static String special(String format, String text) {
        Template t = Template.parse(format);
        StringBuilder sb = new StringBuilder(t.fillMode ? "" : " ");
        for (int i = 0; i < t.pre + t.post + (t.post > 0 || t.hasPoint ? 1 : 0); i++) {
            sb.append('#');
        }
        return sb.toString();
    }

    /** The parsed template. */
    private static final class Template {
        String format;
        int pre;
        int post;
        int zeroStart = -1; // index among integer digit slots where zero fill starts
        boolean hasPoint;
        boolean fillMode;
        boolean explicitSign;
        boolean eeee;
        int multiplier; // digits after V
        boolean bracket;

        static Template parse(String f) {
            Template t = new Template();
            t.format = f;
            String u = f.toUpperCase(Locale.ROOT);
            boolean afterV = false;
            for (int i = 0; i < f.length(); i++) {
                char c = u.charAt(i);
                if (c == '"') {
                    int close = f.indexOf('"', i + 1);
                    i = close < 0 ? f.length() : close;
                    continue;
                }
                if (u.startsWith("FM", i)) {
                    t.fillMode = true;
                    i++;
                } else if (u.startsWith("EEEE", i)) {
                    t.eeee = true;
                    i += 3;
                } else if (u.startsWith("MI", i) || u.startsWith("PL", i) || u.startsWith("SG", i)) {
                    t.explicitSign = true;
                    i++;
                } else if (u.startsWith("PR", i)) {
                    t.bracket = true;
                    i++;
                } else if (u.startsWith("TH", i)) {
                    i++;
                } else if (c == 'S') {
                    t.explicitSign = true;
                } else if (c == 'V') {
                    afterV = true;
                } else if (c == '9' || c == '0') {
                    if (afterV) {
                        t.multiplier++;
                        t.pre++;
                    } else if (t.hasPoint) {
                        t.post++;
                    } else {
                        if (c == '0' && t.zeroStart < 0) {
                            t.zeroStart = t.pre;
                        }
                        t.pre++;
                    }
                } else if (c == '.' || c == 'D') {
                    t.hasPoint = true;
                }
            }
            return t;
        }
    }

    private static String format(BigDecimal value, String format, RoundingMode rounding) {
        Template t = Template.parse(format);
        boolean negative = value.signum() < 0;
        BigDecimal abs = value.abs();
        if (t.multiplier > 0) {
            abs = abs.movePointRight(t.multiplier);
        }
        if (t.eeee) {
            return scientific(abs, negative, t, rounding);
        }
        BigDecimal rounded = abs.setScale(t.post, rounding);
        String plain = rounded.toPlainString();
        int point = plain.indexOf('.');
        String intDigits = point < 0 ? plain : plain.substring(0, point);
        String fracDigits = point < 0 ? "" : plain.substring(point + 1);
        boolean zeroInt = intDigits.equals("0");
        boolean overflow = !zeroInt && intDigits.length() > t.pre - t.multiplier + t.multiplier;
        if (zeroInt) {
            intDigits = "";
        }
        negative = negative && rounded.signum() != 0;
        // The last fraction position that survives FM trimming: trailing zeros in 9 slots are dropped.
        int keepFraction = fracDigits.length();
        if (t.fillMode) {
            int[] slotKinds = fractionSlotKinds(t);
            while (keepFraction > 0 && fracDigits.charAt(keepFraction - 1) == '0' && slotKinds[keepFraction - 1] == '9') {
                keepFraction--;
            }
        }
        StringBuilder out = new StringBuilder();
        String u = format.toUpperCase(Locale.ROOT);
        int intSlot = 0;
        int fracSlot = 0;
        boolean digitPrinted = false;
        boolean signWritten = false;
        boolean inFraction = false;
        int leadingEmpty = t.pre - intDigits.length();
        for (int i = 0; i < format.length(); i++) {
            char c = u.charAt(i);
            if (c == '"') {
                int close = format.indexOf('"', i + 1);
                int end = close < 0 ? format.length() : close;
                out.append(format, i + 1, end);
                i = end;
                continue;
            }
            if (u.startsWith("FM", i)) {
                i++;
                continue;
            }
            if (u.startsWith("TH", i)) {
                out.append(ordinal(abs.setScale(0, RoundingMode.DOWN).longValue(), format.substring(i, i + 2)));
                i++;
                continue;
            }
            if (u.startsWith("MI", i)) {
                out.append(negative ? "-" : t.fillMode ? "" : " ");
                i++;
                continue;
            }
            if (u.startsWith("PL", i)) {
                out.append(!negative ? "+" : t.fillMode ? "" : " ");
                i++;
                continue;
            }
            if (u.startsWith("SG", i)) {
                out.append(negative ? "-" : "+");
                i++;
                continue;
            }
            if (u.startsWith("PR", i)) {
                out.append(negative ? ">" : t.fillMode ? "" : " ");
                i++;
                continue;
            }
            switch (c) {
                case '9':
                case '0':
                    if (inFraction) {
                        if (overflow) {
                            out.append('#');
                        } else if (fracSlot < keepFraction) {
                            out.append(fracDigits.charAt(fracSlot));
                        }
                        fracSlot++;
                    } else {
                        if (overflow) {
                            if (intSlot == 0 && !t.explicitSign && !t.bracket) {
                                out.append(t.fillMode ? "" : " ");
                            }
                            signWritten = true;
                            out.append('#');
                        } else if (intSlot < leadingEmpty) {
                            boolean zeroFill = t.zeroStart >= 0 && intSlot >= t.zeroStart;
                            boolean lastSlotForZero = zeroInt && intSlot == t.pre - 1;
                            if (zeroFill) {
                                writeSign(out, t, negative, signWritten);
                                signWritten = true;
                                out.append('0');
                                digitPrinted = true;
                            } else if (lastSlotForZero && (t.post == 0 || !t.hasPoint)) {
                                writeSign(out, t, negative, signWritten);
                                signWritten = true;
                                out.append('0');
                                digitPrinted = true;
                            } else if (lastSlotForZero) {
                                if (!t.fillMode) {
                                    out.append(' ');
                                }
                                writeSign(out, t, negative, signWritten);
                                signWritten = true;
                            } else if (!t.fillMode) {
                                out.append(' ');
                            }
                        } else {
                            writeSign(out, t, negative, signWritten);
                            signWritten = true;
                            out.append(intDigits.charAt(intSlot - leadingEmpty));
                            digitPrinted = true;
                        }
                        intSlot++;
                    }
                    break;
                case '.':
                case 'D':
                    writeSign(out, t, negative, signWritten);
                    signWritten = true;
                    out.append('.');
                    inFraction = true;
                    break;
                case ',':
                case 'G':
                    if (digitPrinted) {
                        out.append(',');
                    } else if (!t.fillMode) {
                        out.append(' ');
                    }
                    break;
                case 'S':
                    if (!signWritten) {
                        out.append(negative ? '-' : '+');
                        signWritten = true;
                    } else {
                        out.append(negative ? '-' : '+');
                    }
                    break;
                case 'V':
                    break;
                case 'L':
                    out.append(t.fillMode ? "" : " ");
                    break;
                default:
                    out.append(format.charAt(i));
            }
        }
        if (!signWritten) {
            writeSign(out, t, negative, false);
        }
        return out.toString();
    }

    /** The implicit sign goes immediately before the first digit (or the point); S places its own. */
    private static void writeSign(StringBuilder out, Template t, boolean negative, boolean already) {
        if (already || t.explicitSign) {
            return;
        }
        if (t.bracket) {
            out.append(negative ? "<" : t.fillMode ? "" : " ");
            return;
        }
        if (negative) {
            out.append('-');
        } else if (!t.fillMode) {
            out.append(' ');
        }
    }

    private static int[] fractionSlotKinds(Template t) {
        int[] kinds = new int[t.post];
        String u = t.format.toUpperCase(Locale.ROOT);
        boolean inFraction = false;
        int k = 0;
        for (int i = 0; i < u.length() && k < t.post; i++) {
            char c = u.charAt(i);
            if (c == '.' || c == 'D') {
                inFraction = true;
            } else if (inFraction && (c == '9' || c == '0')) {
                kinds[k++] = c;
            }
        }
        return kinds;
    }

    private static String scientific(BigDecimal abs, boolean negative, Template t, RoundingMode rounding) {
        String mantissa;
        int exponent;
        if (abs.signum() == 0) {
            mantissa = BigDecimal.ZERO.setScale(t.post).toPlainString();
            exponent = 0;
        } else {
            exponent = abs.precision() - abs.scale() - 1;
            BigDecimal m = abs.movePointLeft(exponent).setScale(t.post, rounding);
            if (m.compareTo(BigDecimal.TEN) >= 0) {
                exponent++;
                m = abs.movePointLeft(exponent).setScale(t.post, rounding);
            }
            mantissa = m.toPlainString();
        }
        StringBuilder sb = new StringBuilder();
        if (negative) {
            sb.append('-');
        } else if (!t.fillMode) {
            sb.append(' ');
        }
        sb.append(mantissa).append('e').append(exponent < 0 ? '-' : '+');
        int e = Math.abs(exponent);
        if (e < 10) {
            sb.append('0');
        }
        return sb.append(e).toString();
    }

    private static String ordinal(long v, String th) {
        long a = Math.abs(v) % 100;
        String s = a >= 11 && a <= 13 ? "th" : a % 10 == 1 ? "st" : a % 10 == 2 ? "nd" : a % 10 == 3 ? "rd" : "th";
        return th.equals("TH") ? s.toUpperCase(Locale.ROOT) : s;
    }
}
