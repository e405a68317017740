package io.pgsight.sql.catalog;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.PgArray;
import io.pgsight.sql.spi.PgType;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The array type of an element type that registered no array type of its own: PostgreSQL's array
 * text format ({@code {a,"b c",NULL}}, nested braces for more dimensions) and binary format.
 */
public final class GenericArrayType implements PgType {
    private final PgType element;

    public GenericArrayType(PgType element) {
        this.element = element;
    }

    public PgType element() {
        return element;
    }

    @Override
    public String name() {
        return "_" + element.name();
    }

    @Override
    public int oid() {
        return element.arrayOid();
    }

    @Override
    public int elementOid() {
        return element.oid();
    }

    @Override
    public int arrayOid() {
        return 0;
    }

    @Override
    public short length() {
        return -1;
    }

    @Override
    public char category() {
        return 'A';
    }

    @Override
    public Object input(String text, int typmod) {
        return parse(text, element, typmod);
    }

    /** Parses array text with elements of {@code element}. */
    public static PgArray parse(String text, PgType element, int typmod) {
        String s = text.trim();
        if (!s.startsWith("{")) {
            throw new SqlException("22P02", "malformed array literal: \"" + text + "\"")
                    .withDetail("Array value must start with \"{\" or dimension information.");
        }
        List<Object> flat = new ArrayList<>();
        List<Integer> dims = new ArrayList<>();
        int[] pos = {0};
        parseLevel(s, pos, 0, dims, flat, element, typmod, text);
        if (s.substring(pos[0]).trim().length() > 0) {
            throw new SqlException("22P02", "malformed array literal: \"" + text + "\"")
                    .withDetail("Junk after closing right brace.");
        }
        if (flat.isEmpty()) {
            return new PgArray(element.oid(), new int[0], new int[0], new Object[0]);
        }
        int[] d = dims.stream().mapToInt(Integer::intValue).toArray();
        int[] lb = new int[d.length];
        java.util.Arrays.fill(lb, 1);
        return new PgArray(element.oid(), d, lb, flat.toArray());
    }

    private static void parseLevel(String s, int[] pos, int depth, List<Integer> dims, List<Object> flat, PgType element,
                                   int typmod, String orig) {
        pos[0]++; // '{'
        int count = 0;
        boolean nested = false;
        while (true) {
            skipWs(s, pos);
            if (pos[0] >= s.length()) {
                throw malformed(orig, "Unexpected end of input.");
            }
            char c = s.charAt(pos[0]);
            if (c == '}' && count == 0) {
                pos[0]++;
                break;
            }
            if (c == '{') {
                nested = true;
                parseLevel(s, pos, depth + 1, dims, flat, element, typmod, orig);
            } else {
                if (nested) {
                    throw malformed(orig, "Unexpected array element.");
                }
                StringBuilder sb = new StringBuilder();
                boolean quoted = false;
                if (c == '"') {
                    quoted = true;
                    pos[0]++;
                    while (pos[0] < s.length() && s.charAt(pos[0]) != '"') {
                        if (s.charAt(pos[0]) == '\\') {
                            pos[0]++;
                        }
                        if (pos[0] < s.length()) {
                            sb.append(s.charAt(pos[0]++));
                        }
                    }
                    if (pos[0] >= s.length()) {
                        throw malformed(orig, "Unexpected end of input.");
                    }
                    pos[0]++;
                } else {
                    while (pos[0] < s.length() && ",}".indexOf(s.charAt(pos[0])) < 0) {
                        char ch = s.charAt(pos[0]);
                        if (ch == '{' || ch == '"') {
                            throw malformed(orig, "Unexpected \"" + ch + "\" character.");
                        }
                        if (ch == '\\') {
                            pos[0]++;
                        }
                        if (pos[0] < s.length()) {
                            sb.append(s.charAt(pos[0]++));
                        }
                    }
                }
                String tok = quoted ? sb.toString() : sb.toString().trim();
                if (!quoted && tok.isEmpty()) {
                    throw malformed(orig, "Unexpected \"" + (pos[0] < s.length() ? s.charAt(pos[0]) : ' ') + "\" character.");
                }
                flat.add(!quoted && tok.equalsIgnoreCase("null") ? null : element.input(tok, typmod));
            }
            count++;
            skipWs(s, pos);
            if (pos[0] >= s.length()) {
                throw malformed(orig, "Unexpected end of input.");
            }
            char d = s.charAt(pos[0]);
            if (d == ',') {
                pos[0]++;
            } else if (d == '}') {
                pos[0]++;
                break;
            } else {
                throw malformed(orig, "Unexpected \"" + d + "\" character.");
            }
        }
        if (dims.size() <= depth) {
            while (dims.size() <= depth) {
                dims.add(count);
            }
        } else if (dims.get(depth) != count && count > 0) {
            throw malformed(orig, "Multidimensional arrays must have sub-arrays with matching dimensions.");
        }
    }

    private static SqlException malformed(String text, String detail) {
        return new SqlException("22P02", "malformed array literal: \"" + text + "\"").withDetail(detail);
    }

    private static void skipWs(String s, int[] pos) {
        while (pos[0] < s.length() && Character.isWhitespace(s.charAt(pos[0]))) {
            pos[0]++;
        }
    }

    @Override
    public String output(Object value) {
        return format((PgArray) value, element);
    }

    public static String format(PgArray a, PgType element) {
        if (a.length() == 0) {
            return "{}";
        }
        StringBuilder sb = new StringBuilder();
        boolean lbNonDefault = false;
        for (int i = 0; i < a.dimensionCount(); i++) {
            lbNonDefault |= a.lowerBound(i) != 1;
        }
        if (lbNonDefault) {
            for (int i = 0; i < a.dimensionCount(); i++) {
                sb.append('[').append(a.lowerBound(i)).append(':').append(a.lowerBound(i) + a.dimension(i) - 1).append(']');
            }
            sb.append('=');
        }
        int[] idx = {0};
        emit(sb, a, element, 0, idx);
        return sb.toString();
    }

    private static void emit(StringBuilder sb, PgArray a, PgType element, int dim, int[] idx) {
        sb.append('{');
        for (int i = 0; i < a.dimension(dim); i++) {
            if (i > 0) {
                sb.append(element.name().equals("box") ? ';' : ',');
            }
            if (dim + 1 < a.dimensionCount()) {
                emit(sb, a, element, dim + 1, idx);
            } else {
                Object v = a.get(idx[0]++);
                if (v == null) {
                    sb.append("NULL");
                } else {
                    sb.append(quote(element.output(v)));
                }
            }
        }
        sb.append('}');
    }

    static String quote(String s) {
        boolean need = s.isEmpty() || s.equalsIgnoreCase("null");
        for (int i = 0; i < s.length() && !need; i++) {
            char c = s.charAt(i);
            need = c == '{' || c == '}' || c == ',' || c == '"' || c == '\\' || Character.isWhitespace(c);
        }
        if (!need) {
            return s;
        }
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    @Override
    public Object receive(byte[] data, int typmod) {
        ByteBuffer b = ByteBuffer.wrap(data);
        int ndim = b.getInt();
        b.getInt();
        int elemOid = b.getInt();
        int[] dims = new int[ndim];
        int[] lbs = new int[ndim];
        int total = ndim == 0 ? 0 : 1;
        for (int i = 0; i < ndim; i++) {
            dims[i] = b.getInt();
            lbs[i] = b.getInt();
            total *= dims[i];
        }
        Object[] el = new Object[total];
        for (int i = 0; i < total; i++) {
            int len = b.getInt();
            if (len < 0) {
                continue;
            }
            byte[] e = new byte[len];
            b.get(e);
            el[i] = element.receive(e, typmod);
        }
        return new PgArray(elemOid == 0 ? element.oid() : element.oid(), dims, lbs, el);
    }

    @Override
    public byte[] send(Object value) {
        PgArray a = (PgArray) value;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(12 + 8 * a.dimensionCount());
        h.putInt(a.dimensionCount()).putInt(a.containsNull() ? 1 : 0).putInt(element.oid());
        for (int i = 0; i < a.dimensionCount(); i++) {
            h.putInt(a.dimension(i)).putInt(a.lowerBound(i));
        }
        out.writeBytes(h.array());
        for (int i = 0; i < a.length(); i++) {
            Object v = a.get(i);
            if (v == null) {
                out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
            } else {
                byte[] e = element.send(v);
                out.writeBytes(ByteBuffer.allocate(4).putInt(e.length).array());
                out.writeBytes(e);
            }
        }
        return out.toByteArray();
    }

    @Override
    public Object applyTypmod(Object value, int typmod, boolean explicit) {
        if (typmod < 0 || value == null) {
            return value;
        }
        PgArray a = (PgArray) value;
        Object[] el = a.toArray();
        for (int i = 0; i < el.length; i++) {
            if (el[i] != null) {
                el[i] = element.applyTypmod(el[i], typmod, explicit);
            }
        }
        return new PgArray(a.elementTypeOid(), a.dimensions(), a.lowerBounds(), el);
    }

    @Override
    public int typmodIn(int[] modifiers) {
        return element.typmodIn(modifiers);
    }

    @Override
    public String typmodOut(int typmod) {
        return element.typmodOut(typmod);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
