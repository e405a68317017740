package io.pgsight.ext.vector;

import static io.pgsight.ext.vector.CFloatScanner.isSpace;

/**
 * The {@code [x,y,...]} grammar shared by vector and halfvec input, with pgvector's order of checks.
 * Each element goes to an {@link ElementSink} that applies the type's own range rules.
 */
final class DenseTextParser {
    private DenseTextParser() {
    }

    interface ElementSink {
        /**
         * Accepts one parsed element; {@code input[start, end)} is exactly what strtof consumed (cut out
         * only for an error message, not per element).
         */
        void accept(float value, String input, int start, int end, boolean overflow);
    }

    /** Parses {@code input}; returns the element count. */
    static int parse(String input, String type, int maxDim, ElementSink sink) {
        int n = input.length();
        int pos = skipSpace(input, 0);
        if (pos >= n || input.charAt(pos) != '[') {
            throw VectorErrors.invalidSyntax(type, input, "Vector contents must start with \"[\".");
        }
        pos = skipSpace(input, pos + 1);
        if (pos < n && input.charAt(pos) == ']') {
            throw VectorErrors.atLeastOneDimension(type);
        }
        int count = 0;
        while (true) {
            if (count == maxDim) {
                throw VectorErrors.tooManyDimensions(type, maxDim);
            }
            pos = skipSpace(input, pos);
            if (pos >= n) {
                throw VectorErrors.invalidSyntax(type, input);
            }
            CFloatScanner.FloatScan scan = CFloatScanner.strtof(input, pos);
            if (!scan.parsed(pos)) {
                throw VectorErrors.invalidSyntax(type, input);
            }
            sink.accept(scan.value(), input, pos, scan.end(), scan.overflow());
            count++;
            pos = skipSpace(input, scan.end());
            if (pos < n && input.charAt(pos) == ',') {
                pos++;
            } else if (pos < n && input.charAt(pos) == ']') {
                pos++;
                break;
            } else {
                throw VectorErrors.invalidSyntax(type, input);
            }
        }
        pos = skipSpace(input, pos);
        if (pos < n) {
            throw VectorErrors.invalidSyntax(type, input, "Junk after closing right brace.");
        }
        return count;
    }

    static int skipSpace(String s, int pos) {
        while (pos < s.length() && isSpace(s.charAt(pos))) {
            pos++;
        }
        return pos;
    }
}
