package io.pgsight.imaging;

import io.pgsight.imaging.text.CFloatFormat;
import io.pgsight.imaging.text.FloatListReader;

/** {@code signature_out} / {@code signature_in}: {@code (v, v, ..., v)} with 16 %f values. */
public final class SignatureText {
    private SignatureText() {
    }

    public static String format(Signature s) {
        float[] v = s.raw();
        StringBuilder sb = new StringBuilder(200);
        sb.append('(');
        for (int k = 0; k < Signature.SIZE; k++) {
            if (k > 0) {
                sb.append(", ");
            }
            CFloatFormat.appendTo(sb, v[k]);
        }
        sb.append(')');
        return sb.toString();
    }

    public static Signature parse(String text) {
        float[] v = FloatListReader.read(text, Signature.SIZE);
        if (v == null) {
            throw new InvalidTextRepresentationException("signature", text);
        }
        return Signature.wrap(v);
    }
}
