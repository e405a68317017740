package io.pgsight.imaging;

import io.pgsight.imaging.text.CFloatFormat;
import io.pgsight.imaging.text.FloatListReader;

/** {@code pattern_out} / {@code pattern_in}: {@code ((v, v, ...), (...), ...)} with %f values. */
public final class PatternText {
    private PatternText() {
    }

    public static String format(Pattern p) {
        float[] v = p.raw();
        StringBuilder sb = new StringBuilder(Pattern.SIZE * 10 + 200);
        sb.append('(');
        for (int i = 0; i < Pattern.SIDE; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append('(');
            for (int j = 0; j < Pattern.SIDE; j++) {
                if (j > 0) {
                    sb.append(", ");
                }
                CFloatFormat.appendTo(sb, v[i * Pattern.SIDE + j]);
            }
            sb.append(')');
        }
        sb.append(')');
        return sb.toString();
    }

    /** Reads 4096 values; throws {@link InvalidTextRepresentationException} like imgsmlr. */
    public static Pattern parse(String text) {
        float[] v = FloatListReader.read(text, Pattern.SIZE);
        if (v == null) {
            throw new InvalidTextRepresentationException("pattern", text);
        }
        return Pattern.wrap(v);
    }
}
