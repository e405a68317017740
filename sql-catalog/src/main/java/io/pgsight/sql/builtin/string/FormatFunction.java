package io.pgsight.sql.builtin.string;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.builtin.types.ValueText;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.Volatility;

/**
 * format(formatstr, VARIADIC "any"): %s, %I, %L and %% with optional argument position ({@code %2$s}),
 * the {@code -} flag and a width (also {@code *} and {@code *n$}), as varlena.c's text_format.
 */
public final class FormatFunction {
    private FormatFunction() {
    }

    public static void register(CatalogWriter w) {
        w.fn("format", "text", false, Volatility.STABLE, (ctx, a) -> a[0] == null ? null : format(ctx, a), "text");
        w.fn("format", "text", false, Volatility.STABLE, (ctx, a) -> a[0] == null ? null : format(ctx, a),
                "text", TextFunctions.VARIADIC_ANY);
    }

    private static SqlException error(String message) {
        return new SqlException("22023", message);
    }

    static String format(FunctionContext ctx, Object[] args) {
        String f = (String) args[0];
        StringBuilder sb = new StringBuilder();
        int nextArg = 1;
        int i = 0;
        while (i < f.length()) {
            char c = f.charAt(i++);
            if (c != '%') {
                sb.append(c);
                continue;
            }
            if (i >= f.length()) {
                throw error("unterminated format() type specifier")
                        .withHint("For a single \"%\" use \"%%\".");
            }
            if (f.charAt(i) == '%') {
                sb.append('%');
                i++;
                continue;
            }
            // [argpos$][flags][width][type]
            int argPos = -1;
            int start = i;
            int num = 0;
            boolean digits = false;
            while (i < f.length() && Character.isDigit(f.charAt(i))) {
                num = num * 10 + (f.charAt(i++) - '0');
                digits = true;
            }
            if (digits && i < f.length() && f.charAt(i) == '$') {
                argPos = num;
                if (argPos == 0) {
                    throw error("format specifies argument 0, but arguments are numbered from 1");
                }
                i++;
            } else {
                i = start;
            }
            boolean leftAlign = false;
            while (i < f.length() && f.charAt(i) == '-') {
                leftAlign = true;
                i++;
            }
            int width = -1;
            if (i < f.length() && f.charAt(i) == '*') {
                i++;
                int wpos = -1;
                int s2 = i;
                int n2 = 0;
                boolean d2 = false;
                while (i < f.length() && Character.isDigit(f.charAt(i))) {
                    n2 = n2 * 10 + (f.charAt(i++) - '0');
                    d2 = true;
                }
                if (d2 && i < f.length() && f.charAt(i) == '$') {
                    wpos = n2;
                    i++;
                } else {
                    i = s2;
                }
                int idx = wpos > 0 ? wpos : nextArg++;
                if (idx >= args.length) {
                    throw error("too few arguments for format()");
                }
                Object wv = args[idx];
                width = wv == null ? 0 : ((Number) wv).intValue();
                if (width < 0) {
                    leftAlign = true;
                    width = -width;
                }
            } else {
                int n3 = 0;
                boolean d3 = false;
                while (i < f.length() && Character.isDigit(f.charAt(i))) {
                    n3 = n3 * 10 + (f.charAt(i++) - '0');
                    d3 = true;
                }
                if (d3) {
                    width = n3;
                }
            }
            if (i >= f.length()) {
                throw error("unterminated format() type specifier").withHint("For a single \"%\" use \"%%\".");
            }
            char type = f.charAt(i++);
            if (type != 's' && type != 'I' && type != 'L') {
                throw error("unrecognized format() type specifier \"" + type + "\"")
                        .withHint("For a single \"%\" use \"%%\".");
            }
            int idx = argPos > 0 ? argPos : nextArg;
            nextArg = idx + 1;
            if (idx >= args.length) {
                throw error("too few arguments for format()");
            }
            Object v = args[idx];
            String text;
            if (type == 'L') {
                text = v == null ? "NULL" : QuoteFunctions.quoteLiteral(ValueText.ofArgument(ctx, idx, v));
            } else if (type == 'I') {
                if (v == null) {
                    throw new SqlException("22004", "null values cannot be formatted as an SQL identifier");
                }
                text = QuoteFunctions.quoteIdent(ValueText.ofArgument(ctx, idx, v));
            } else {
                text = v == null ? "" : ValueText.ofArgument(ctx, idx, v);
            }
            int pad = width - text.codePointCount(0, text.length());
            if (pad > 0 && !leftAlign) {
                sb.append(" ".repeat(pad));
            }
            sb.append(text);
            if (pad > 0 && leftAlign) {
                sb.append(" ".repeat(pad));
            }
        }
        return sb.toString();
    }
}
