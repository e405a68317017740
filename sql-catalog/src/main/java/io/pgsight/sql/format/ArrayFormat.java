package io.pgsight.sql.format;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.PgArray;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Array text output and input (array_out / array_in) over any element type, given the element's output and
 * input functions and the type's delimiter (',' for all built-ins except box, which uses ';').
 * Output quotes elements that are empty, equal NULL in any case, or contain braces, quotes, backslashes, the
 * delimiter or whitespace; non-default lower bounds are written as [lb:ub]=. Input errors are PostgreSQL's
 * 22P02 "malformed array literal" with its DETAIL lines.
 */
public final class ArrayFormat {
    /** PostgreSQL's MAXDIM. */
    public static final int MAX_DIMENSIONS = 6;

    private ArrayFormat() {
    }

    // ---------------------------------------------------------------- output

    public static String out(PgArray a, Function<Object, String> elementOut) {
        return out(a, elementOut, ',');
    }

    public static String out(PgArray a, Function<Object, String> elementOut, char delimiter) {
        int ndim = a.dimensionCount();
        if (ndim == 0 || a.length() == 0) {
            return "{}";
        }
        StringBuilder sb = new StringBuilder();
        boolean defaultBounds = true;
        for (int d = 0; d < ndim; d++) {
            if (a.lowerBound(d) != 1) {
                defaultBounds = false;
            }
        }
        if (!defaultBounds) {
            for (int d = 0; d < ndim; d++) {
                sb.append('[').append(a.lowerBound(d)).append(':')
                        .append(a.lowerBound(d) + a.dimension(d) - 1).append(']');
            }
            sb.append('=');
        }
        int[] index = {0};
        writeLevel(sb, a, 0, index, elementOut, delimiter);
        return sb.toString();
    }

    private static void writeLevel(StringBuilder sb, PgArray a, int dim, int[] index, Function<Object, String> out,
                                   char delimiter) {
        sb.append('{');
        int n = a.dimension(dim);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(delimiter);
            }
            if (dim + 1 < a.dimensionCount()) {
                writeLevel(sb, a, dim + 1, index, out, delimiter);
            } else {
                Object e = a.get(index[0]++);
                if (e == null) {
                    sb.append("NULL");
                } else {
                    appendElement(sb, out.apply(e), delimiter);
                }
            }
        }
        sb.append('}');
    }

    /** Appends one element's text, quoted and escaped when array_out would quote it. */
    public static void appendElement(StringBuilder sb, String s, char delimiter) {
        if (!needsQuotes(s, delimiter)) {
            sb.append(s);
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    private static boolean needsQuotes(String s, char delimiter) {
        if (s.isEmpty() || s.equalsIgnoreCase("NULL")) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c == '{' || c == '}' || c == delimiter || isArraySpace(c)) {
                return true;
            }
        }
        return false;
    }

    static boolean isArraySpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }

    // ---------------------------------------------------------------- input

    public static PgArray in(String text, int elementTypeOid, Function<String, Object> elementIn) {
        return in(text, elementTypeOid, elementIn, ',');
    }

    /** array_in. */
    public static PgArray in(String text, int elementTypeOid, Function<String, Object> elementIn, char delimiter) {
        return new Reader(text, delimiter).read(elementTypeOid, elementIn);
    }

    private static SqlException malformed(String text, String detail) {
        return new SqlException(PgErrors.INVALID_TEXT_REPRESENTATION, "malformed array literal: \"" + text + "\"")
                .withDetail(detail);
    }

    /** One element as read: its raw text (unescaped) and whether it was quoted. */
    private record Element(String text, boolean quoted) {
    }

    private static final class Reader {
        private final String s;
        private final char delimiter;
        private int pos;

        Reader(String s, char delimiter) {
            this.s = s;
            this.delimiter = delimiter;
        }

        PgArray read(int oid, Function<String, Object> elementIn) {
            skipSpace();
            int[] explicitDims = null;
            int[] explicitLower = null;
            if (peek() == '[') {
                List<int[]> bounds = new ArrayList<>();
                while (peek() == '[') {
                    pos++;
                    bounds.add(readBounds());
                    skipSpace();
                }
                if (peek() != '=') {
                    throw malformed(s, "Missing \"=\" after array dimensions.");
                }
                pos++;
                skipSpace();
                if (bounds.size() > MAX_DIMENSIONS) {
                    throw tooManyDims(bounds.size());
                }
                explicitDims = new int[bounds.size()];
                explicitLower = new int[bounds.size()];
                for (int i = 0; i < bounds.size(); i++) {
                    explicitLower[i] = bounds.get(i)[0];
                    explicitDims[i] = bounds.get(i)[1] - bounds.get(i)[0] + 1;
                }
                if (peek() != '{') {
                    throw malformed(s, "Array contents must start with \"{\".");
                }
            } else if (peek() != '{') {
                throw malformed(s, "Array value must start with \"{\" or dimension information.");
            }
            pos++;
            List<Object> root = readLevel(1);
            skipSpace();
            if (pos < s.length()) {
                throw malformed(s, "Junk after closing right brace.");
            }
            // Determine the shape: every level at a depth has the same length; leaves only at the bottom.
            List<Integer> dims = new ArrayList<>();
            List<Element> leaves = new ArrayList<>();
            shape(root, 0, dims, leaves);
            if (explicitDims != null && !sameShape(explicitDims, dims)) {
                throw malformed(s, "Specified array dimensions do not match array contents.");
            }
            Object[] values = new Object[leaves.size()];
            for (int i = 0; i < values.length; i++) {
                Element e = leaves.get(i);
                values[i] = !e.quoted() && e.text().equalsIgnoreCase("NULL") ? null : elementIn.apply(e.text());
            }
            if (values.length == 0) {
                return new PgArray(oid, new int[0], new int[0], values);
            }
            int[] d = new int[dims.size()];
            int[] lb = new int[dims.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = dims.get(i);
                lb[i] = explicitLower != null ? explicitLower[i] : 1;
            }
            return new PgArray(oid, d, lb, values);
        }

        private boolean sameShape(int[] explicit, List<Integer> dims) {
            if (explicit.length != dims.size()) {
                return false;
            }
            for (int i = 0; i < explicit.length; i++) {
                if (explicit[i] != dims.get(i)) {
                    return false;
                }
            }
            return true;
        }

        private SqlException tooManyDims(int n) {
            return new SqlException(PgErrors.PROGRAM_LIMIT_EXCEEDED,
                    "number of array dimensions (" + n + ") exceeds the maximum allowed (" + MAX_DIMENSIONS + ")");
        }

        private int[] readBounds() {
            skipSpace();
            int first = readInt();
            int lower = 1;
            int upper;
            skipSpace();
            if (peek() == ':') {
                pos++;
                skipSpace();
                lower = first;
                upper = readInt();
                skipSpace();
            } else {
                upper = first;
            }
            if (peek() != ']') {
                throw malformed(s, "Missing \"]\" after array dimensions.");
            }
            pos++;
            if (upper < lower) {
                throw new SqlException(PgErrors.ARRAY_SUBSCRIPT_ERROR, "upper bound cannot be less than lower bound");
            }
            return new int[] {lower, upper};
        }

        private int readInt() {
            int start = pos;
            if (peek() == '-' || peek() == '+') {
                pos++;
            }
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            if (pos == start || (pos == start + 1 && !Character.isDigit(s.charAt(start)))) {
                throw malformed(s, "Missing array dimension value.");
            }
            try {
                return Integer.parseInt(s.substring(start, pos));
            } catch (NumberFormatException e) {
                throw new SqlException(PgErrors.PROGRAM_LIMIT_EXCEEDED, "array size exceeds the maximum allowed");
            }
        }

        /** Reads the items after an opening brace up to and including the closing brace. */
        private List<Object> readLevel(int depth) {
            if (depth > MAX_DIMENSIONS) {
                throw tooManyDims(depth);
            }
            List<Object> items = new ArrayList<>();
            skipSpace();
            if (peek() == '}') {
                pos++;
                return items;
            }
            Boolean nested = null;
            while (true) {
                skipSpace();
                if (pos >= s.length()) {
                    throw malformed(s, "Unexpected end of input.");
                }
                char c = s.charAt(pos);
                if (c == '{') {
                    if (Boolean.FALSE.equals(nested)) {
                        throw malformed(s, "Unexpected \"{\" character.");
                    }
                    nested = true;
                    pos++;
                    items.add(readLevel(depth + 1));
                } else {
                    if (Boolean.TRUE.equals(nested)) {
                        throw malformed(s, "Unexpected array element.");
                    }
                    if (c == '}' || c == delimiter) {
                        throw malformed(s, "Unexpected \"" + c + "\" character.");
                    }
                    nested = false;
                    items.add(readElement());
                }
                skipSpace();
                if (pos >= s.length()) {
                    throw malformed(s, "Unexpected end of input.");
                }
                char next = s.charAt(pos);
                if (next == '}') {
                    pos++;
                    return items;
                }
                if (next != delimiter) {
                    throw malformed(s, "Unexpected \"" + next + "\" character.");
                }
                pos++;
            }
        }

        private Element readElement() {
            StringBuilder sb = new StringBuilder();
            if (s.charAt(pos) == '"') {
                pos++;
                while (true) {
                    if (pos >= s.length()) {
                        throw malformed(s, "Unexpected end of input.");
                    }
                    char c = s.charAt(pos++);
                    if (c == '"') {
                        return new Element(sb.toString(), true);
                    }
                    if (c == '\\') {
                        if (pos >= s.length()) {
                            throw malformed(s, "Unexpected end of input.");
                        }
                        c = s.charAt(pos++);
                    }
                    sb.append(c);
                }
            }
            // Unquoted: up to the delimiter or closing brace; trailing whitespace not escaped is dropped.
            int keep = 0;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == delimiter || c == '}') {
                    break;
                }
                if (c == '{' || c == '"') {
                    throw malformed(s, "Unexpected \"" + c + "\" character.");
                }
                pos++;
                if (c == '\\') {
                    if (pos >= s.length()) {
                        throw malformed(s, "Unexpected end of input.");
                    }
                    sb.append(s.charAt(pos++));
                    keep = sb.length();
                } else {
                    sb.append(c);
                    if (!isArraySpace(c)) {
                        keep = sb.length();
                    }
                }
            }
            sb.setLength(keep);
            return new Element(sb.toString(), false);
        }

        /** Dimensions follow the first element at each depth; every sub-array must match them. */
        private void shape(List<Object> root, int depth, List<Integer> dims, List<Element> leaves) {
            List<Object> level = root;
            while (true) {
                dims.add(level.size());
                if (level.isEmpty() || !(level.get(0) instanceof List)) {
                    break;
                }
                @SuppressWarnings("unchecked")
                List<Object> first = (List<Object>) level.get(0);
                level = first;
            }
            if (dims.size() == 1 && dims.get(0) == 0) {
                dims.clear();
                return;
            }
            collect(root, 0, dims, leaves);
        }

        private void collect(List<Object> level, int depth, List<Integer> dims, List<Element> leaves) {
            if (level.size() != dims.get(depth)) {
                throw malformed(s, "Multidimensional arrays must have sub-arrays with matching dimensions.");
            }
            boolean bottom = depth == dims.size() - 1;
            for (Object o : level) {
                if (bottom != (o instanceof Element)) {
                    throw malformed(s, "Multidimensional arrays must have sub-arrays with matching dimensions.");
                }
                if (bottom) {
                    leaves.add((Element) o);
                } else {
                    @SuppressWarnings("unchecked")
                    List<Object> sub = (List<Object>) o;
                    collect(sub, depth + 1, dims, leaves);
                }
            }
        }

        private char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        private void skipSpace() {
            while (pos < s.length() && isArraySpace(s.charAt(pos))) {
                pos++;
            }
        }
    }
}
