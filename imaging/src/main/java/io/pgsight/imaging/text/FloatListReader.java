package io.pgsight.imaging.text;

/**
 * imgsmlr's {@code read_float} loop over one input string: skips {@code ' ' ( ) ,} between values,
 * then reads one number with C {@code strtof}'s grammar (leading white space, sign, decimal or hex
 * digits with optional exponent, {@code inf}/{@code infinity}/{@code nan[(...)]}). Structure is not
 * checked and text after the last value requested is never looked at.
 */
public final class FloatListReader {
    private final String text;
    private int pos;

    public FloatListReader(String text) {
        this.text = text;
    }

    /** Reads {@code count} floats into a new array, or returns null if the input is not valid. */
    public static float[] read(String text, int count) {
        FloatListReader r = new FloatListReader(text);
        float[] out = new float[count];
        for (int k = 0; k < count; k++) {
            if (!r.next(out, k)) {
                return null;
            }
        }
        return out;
    }

    private boolean next(float[] out, int k) {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '(' || c == ')' || c == ',') {
                pos++;
            } else {
                break;
            }
        }
        if (pos >= text.length() || text.charAt(pos) == '\0') {
            return false;
        }
        int end = StrtofScanner.scan(text, pos);
        if (end < 0) {
            return false;
        }
        out[k] = StrtofScanner.value(text, pos, end);
        pos = end;
        return true;
    }
}
