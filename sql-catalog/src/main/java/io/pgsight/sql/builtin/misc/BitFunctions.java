package io.pgsight.sql.builtin.misc;

import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.builtin.CatalogWriter;
import io.pgsight.sql.builtin.ComparisonFamily;
import io.pgsight.sql.builtin.types.BitType;
import io.pgsight.sql.spi.BitString;

import java.util.function.IntBinaryOperator;

import static io.pgsight.sql.spi.CastContext.IMPLICIT;

/** bit / varbit comparisons, ||, & | #, length, bit_count, and the binary casts between them. */
public final class BitFunctions {
    private BitFunctions() {
    }

    private static BitString b(Object o) {
        return (BitString) o;
    }

    public static void register(CatalogWriter w) {
        ComparisonFamily.register(w, "bit", "bit", (x, y) -> BitType.compare(b(x), b(y)),
                "biteq", "bitne", "bitlt", "bitle", "bitgt", "bitge", "bitcmp");
        ComparisonFamily.register(w, "varbit", "varbit", (x, y) -> BitType.compare(b(x), b(y)),
                "varbiteq", "varbitne", "varbitlt", "varbitle", "varbitgt", "varbitge", "varbitcmp");
        w.op("||", "varbit", "varbit", "bitcat", "varbit", (ctx, a) -> BitString.parse(a[0].toString() + a[1]));
        bitwise(w, "&", "bitand", "AND", (x, y) -> x & y);
        bitwise(w, "|", "bitor", "OR", (x, y) -> x | y);
        bitwise(w, "#", "bitxor", "XOR", (x, y) -> x ^ y);
        w.prefix("~", "bit", "bitnot", "bit", (ctx, a) -> {
            byte[] bytes = b(a[0]).toByteArray();
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) ~bytes[i];
            }
            return new BitString(b(a[0]).length(), bytes);
        });
        w.fn("length", "int4", (ctx, a) -> b(a[0]).length(), "bit");
        w.fn("bit_length", "int4", (ctx, a) -> b(a[0]).length(), "bit");
        w.fn("octet_length", "int4", (ctx, a) -> b(a[0]).byteLength(), "bit");
        w.fn("bit_count", "int8", (ctx, a) -> {
            long n = 0;
            for (int i = 0; i < b(a[0]).byteLength(); i++) {
                n += Integer.bitCount(b(a[0]).byteAt(i) & 0xff);
            }
            return n;
        }, "bit");
        w.binaryCast("bit", "varbit", IMPLICIT);
        w.binaryCast("varbit", "bit", IMPLICIT);
    }

    private static void bitwise(CatalogWriter w, String symbol, String fname, String verb, IntBinaryOperator f) {
        w.op(symbol, "bit", "bit", fname, "bit", (ctx, a) -> {
            BitString x = b(a[0]);
            BitString y = b(a[1]);
            if (x.length() != y.length()) {
                throw new SqlException("22026", "cannot " + verb + " bit strings of different sizes");
            }
            byte[] out = new byte[x.byteLength()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) f.applyAsInt(x.byteAt(i), y.byteAt(i));
            }
            return new BitString(x.length(), out);
        });
    }
}
