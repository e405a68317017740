package io.pgsight.ext.vector;

import static io.pgsight.ext.vector.Errors.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.pgsight.sql.spi.BitString;
import io.pgsight.sql.spi.PgArray;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values and errors of shared/compat/vector_basics.sql, exercised through the registered SPI objects. */
class VectorBasicsTest {
    private static final RecordingRegistry R = RecordingRegistry.of(new VectorExtension());
    private static final List<String> VV = List.of("vector", "vector");

    static Vector vec(String s) {
        return VectorType.INSTANCE.input(s, -1);
    }

    static HalfVec half(String s) {
        return HalfVecType.INSTANCE.input(s, -1);
    }

    static SparseVec sparse(String s) {
        return SparseVecType.INSTANCE.input(s, -1);
    }

    static String out(Object v) {
        if (v instanceof Vector x) {
            return VectorType.INSTANCE.output(x);
        }
        if (v instanceof HalfVec x) {
            return HalfVecType.INSTANCE.output(x);
        }
        if (v instanceof SparseVec x) {
            return SparseVecType.INSTANCE.output(x);
        }
        if (v instanceof Double d) {
            return ShortestFloat.float8(d);
        }
        return String.valueOf(v);
    }

    @Test
    void extensionIdentity() {
        VectorExtension e = new VectorExtension();
        assertEquals("vector", e.name());
        assertEquals("0.8.6", e.version());
        assertEquals("vector data type and ivfflat and hnsw access methods", e.comment());
        assertEquals("single-precision vector", R.type("vector").comment());
        assertEquals("half-precision vector", R.type("halfvec").comment());
        assertEquals("single-precision sparse vector", R.type("sparsevec").comment());
        assertEquals("Euclidean distance", R.function("l2_distance", "vector", "vector").comment());
        assertEquals("cosine distance", R.function("cosine_distance", "sparsevec", "sparsevec").comment());
    }

    @Test
    void operatorsUsePgvectorFunctionNames() {
        for (String t : List.of("vector", "halfvec", "sparsevec")) {
            assertEquals("l2_distance", R.operator("<->", t, t).functionName());
            assertEquals(t + "_negative_inner_product", R.operator("<#>", t, t).functionName());
            assertEquals("cosine_distance", R.operator("<=>", t, t).functionName());
            assertEquals("l1_distance", R.operator("<+>", t, t).functionName());
            assertEquals("<->", R.operator("<->", t, t).commutator());
            assertNull(R.operator("<->", t, t).comment(), "\\do falls back to the function's comment");
            assertEquals(t + "_lt", R.operator("<", t, t).functionName());
            assertEquals("less than", R.operator("<", t, t).comment());
        }
        assertEquals("hamming_distance", R.operator("<~>", "bit", "bit").functionName());
        assertEquals("jaccard_distance", R.operator("<%>", "bit", "bit").functionName());
        assertEquals("vector_concat", R.operator("||", "vector", "vector").functionName());
        assertEquals("add", R.operator("+", "halfvec", "halfvec").comment());
    }

    @Test
    void distanceOperators() {
        assertEquals("5.196152422706632", out(R.apply("<->", "vector", vec("[1,2,3]"), vec("[4,5,6]"))));
        assertEquals("-32", out(R.apply("<#>", "vector", vec("[1,2,3]"), vec("[4,5,6]"))));
        assertEquals("0.025368153802923787", out(R.apply("<=>", "vector", vec("[1,2,3]"), vec("[4,5,6]"))));
        assertEquals("9", out(R.apply("<+>", "vector", vec("[1,2,3]"), vec("[4,5,6]"))));
        assertEquals("2", out(R.apply("<=>", "vector", vec("[1,1]"), vec("[-1,-1]"))));
        assertEquals("1", out(R.apply("<=>", "vector", vec("[1,0]"), vec("[0,1]"))));
        assertEquals("NaN", out(R.apply("<=>", "vector", vec("[0,0]"), vec("[1,1]"))));
        assertEquals("32", out(R.call("inner_product", VV, vec("[1,2,3]"), vec("[4,5,6]"))));
        assertEquals("3.7416573867739413", out(R.call("l2_distance", VV, vec("[1,2,3]"), vec("[0,0,0]"))));
        assertEquals("-2", out(R.call("inner_product", VV, vec("[1,2,3]"), vec("[1,0,-1]"))));
        assertEquals("8.774964387392123", out(R.call("l2_distance", VV, vec("[4,5,6]"), vec("[0,0,0]"))));
        assertEquals("13.92838827718412", out(R.call("l2_distance", VV, vec("[7,8,9]"), vec("[0,0,0]"))));
    }

    @Test
    void arithmetic() {
        assertEquals("[5,7,9]", out(R.apply("+", "vector", vec("[1,2,3]"), vec("[4,5,6]"))));
        assertEquals("[-3,-3,-3]", out(R.apply("-", "vector", vec("[1,2,3]"), vec("[4,5,6]"))));
        assertEquals("[4,10,18]", out(R.apply("*", "vector", vec("[1,2,3]"), vec("[4,5,6]"))));
        assertEquals("[1,2,3,4,5]", out(R.apply("||", "vector", vec("[1,2,3]"), vec("[4,5]"))));
        assertEquals("[0.3,0.3]", out(R.apply("+", "vector", vec("[0.1,0.2]"), vec("[0.2,0.1]"))));
        assertEquals("[1.5,2.25]", out(R.apply("+", "halfvec", half("[1,2]"), half("[0.5,0.25]"))));
        expect("22003", "value out of range: overflow", () -> R.apply("+", "vector", vec("[3e38]"), vec("[3e38]")));
        expect("22003", "value out of range: overflow", () -> R.apply("*", "vector", vec("[1e30]"), vec("[1e30]")));
        expect("22003", "value out of range: underflow", () -> R.apply("*", "vector", vec("[1e-37]"), vec("[1e-37]")));
        expect("22000", "different vector dimensions 2 and 3", () -> R.apply("+", "vector", vec("[1,2]"), vec("[1,2,3]")));
        expect("22000", "different vector dimensions 2 and 3",
                () -> R.apply("<->", "vector", vec("[1,2]"), vec("[1,2,3]")));
        expect("22000", "different vector dimensions 2 and 1",
                () -> R.call("inner_product", VV, vec("[1,2]"), vec("[3]")));
        expect("54000", "vector cannot have more than 16000 dimensions",
                () -> R.apply("||", "vector", vec("[" + "1,".repeat(15999) + "1]"), vec("[1]")));
    }

    @Test
    void comparisonsAndOrder() {
        assertEquals(true, R.apply("<", "vector", vec("[1,2,3]"), vec("[1,2,4]")));
        assertEquals(true, R.apply("<=", "vector", vec("[1,2,3]"), vec("[1,2,3]")));
        assertEquals(true, R.apply("=", "vector", vec("[1,2,3]"), vec("[1,2,3]")));
        assertEquals(false, R.apply("<>", "vector", vec("[1,2,3]"), vec("[1,2,3]")));
        assertEquals(true, R.apply(">=", "vector", vec("[1,2,3]"), vec("[1,2]")));
        assertEquals(true, R.apply(">", "vector", vec("[2]"), vec("[1,9]")));
        assertEquals(-1, R.call("vector_cmp", VV, vec("[1,2]"), vec("[1,3]")));
        assertEquals(0, R.call("vector_cmp", VV, vec("[1,2]"), vec("[1,2]")));
        assertEquals(1, R.call("vector_cmp", VV, vec("[1,2,0]"), vec("[1,2]")));
        Vector[] vs = {vec("[2,1]"), vec("[1,2,3]"), vec("[1,2]"), vec("[-1,5]"), vec("[1,1]")};
        Arrays.sort(vs);
        assertEquals("[[-1,5], [1,1], [1,2], [1,2,3], [2,1]]", Arrays.toString(vs));
        assertEquals(vec("[0]"), vec("[-0]"));
        assertEquals(vec("[0]").hashCode(), vec("[-0]").hashCode());
        assertEquals(true, R.apply("=", "sparsevec", sparse("{1:1}/3"), sparse("{1:1}/3")));
        assertEquals(-1, R.call("sparsevec_cmp", List.of("sparsevec", "sparsevec"), sparse("{2:-1}/3"), sparse("{}/3")));
        assertEquals(1, R.call("sparsevec_cmp", List.of("sparsevec", "sparsevec"), sparse("{}/3"), sparse("{}/2")));
        assertEquals(-1, R.call("sparsevec_cmp", List.of("sparsevec", "sparsevec"), sparse("{}/3"), sparse("{3:1}/3")));
    }

    @Test
    void functions() {
        assertEquals(3, R.call("vector_dims", List.of("vector"), vec("[1,2,3]")));
        assertEquals("5", out(R.call("vector_norm", List.of("vector"), vec("[3,4]"))));
        assertEquals("5e+37", ShortestFloat.float4((float) (double) (Double) R.call("vector_norm", List.of("vector"),
                vec("[3e37,4e37]"))));
        assertEquals("[0.6,0.8]", out(R.call("l2_normalize", List.of("vector"), vec("[3,4]"))));
        assertEquals("[0.26726124,0.5345225,0.80178374]", out(R.call("l2_normalize", List.of("vector"), vec("[1,2,3]"))));
        assertEquals("[0,0]", out(R.call("l2_normalize", List.of("vector"), vec("[0,0]"))));
        assertEquals("[0.60009766,0.7998047]", out(R.call("l2_normalize", List.of("halfvec"), half("[3,4]"))));
        List<String> sub = List.of("vector", "integer", "integer");
        Vector five = vec("[1,2,3,4,5]");
        assertEquals("[2,3,4]", out(R.call("subvector", sub, five, 2, 3)));
        assertEquals("[1]", out(R.call("subvector", sub, five, 1, 1)));
        assertEquals("[4,5]", out(R.call("subvector", sub, five, 4, 10)));
        assertEquals("[1,2]", out(R.call("subvector", sub, five, 0, 3)));
        assertEquals("[1]", out(R.call("subvector", sub, five, -1, 3)));
        assertEquals("[3,4,5]", out(R.call("subvector", sub, five, 3, 9)));
        assertEquals("[1,2]", out(R.call("subvector", sub, five, -2147483644, 2147483647)));
        expect("22000", "vector must have at least 1 dimension", () -> R.call("subvector", sub, vec("[1,2,3]"), 2, 0));
        expect("22000", "vector must have at least 1 dimension", () -> R.call("subvector", sub, five, -1, 2));
        expect("22000", "vector must have at least 1 dimension", () -> R.call("subvector", sub, five, 6, 1));
        assertEquals(BitString.parse("10010"),
                R.call("binary_quantize", List.of("vector"), vec("[1,-2,0,3.5,-0.1]")));
        assertEquals("100", R.call("binary_quantize", List.of("halfvec"), half("[1,0,-1]")).toString());
        assertEquals(3, R.call("vector_dims", List.of("halfvec"), half("[1,2,3]")));
    }

    @Test
    void aggregates() {
        assertEquals("[4,5,6]", out(R.aggregate("avg", "vector", vec("[1,2,3]"), vec("[4,5,6]"), vec("[7,8,9]"), null)));
        assertEquals("[12,15,18]", out(R.aggregate("sum", "vector", vec("[1,2,3]"), vec("[4,5,6]"), vec("[7,8,9]"), null)));
        assertEquals("[2.3333333,4.3333335]", out(R.aggregate("avg", "vector", vec("[1,2]"), vec("[2,4]"), vec("[4,7]"))));
        assertEquals("[7,13]", out(R.aggregate("sum", "vector", vec("[1,2]"), vec("[2,4]"), vec("[4,7]"))));
        assertNull(R.aggregate("avg", "vector"));
        assertNull(R.aggregate("sum", "vector"));
        expect("22000", "expected 2 dimensions, not 3", () -> R.aggregate("avg", "vector", vec("[1,2]"), vec("[1,2,3]")));
        expect("22000", "different vector dimensions 2 and 3",
                () -> R.aggregate("sum", "vector", vec("[1,2]"), vec("[1,2,3]")));
        expect("22003", "value out of range: overflow", () -> R.aggregate("sum", "vector", vec("[3e38]"), vec("[3e38]")));
        assertEquals("[1.5,3]", out(R.aggregate("avg", "halfvec", half("[1,2]"), half("[2,4]"))));
        PgArray bad = new PgArray(TypeOids.FLOAT8, new int[] {1, 2}, new int[] {1, 1}, new Object[] {2.0, 2.0});
        expect("XX000", "vector_avg: expected state array", () -> R.call("vector_avg", List.of("double precision[]"), bad));
        expect("22000", "vector must have at least 1 dimension",
                () -> R.call("vector_avg", List.of("double precision[]"), PgArray.of(TypeOids.FLOAT8, 1.0)));
        PgArray s = (PgArray) R.call("vector_accum", List.of("double precision[]", "vector"),
                PgArray.of(TypeOids.FLOAT8, 0.0), vec("[1,2]"));
        assertEquals(PgArray.of(TypeOids.FLOAT8, 1.0, 1.0, 2.0), s);
        assertEquals("[1,2]", out(R.call("vector_avg", List.of("double precision[]"), s)));
    }

    private static PgArray ints(Object... v) {
        return PgArray.of(TypeOids.INT4, v);
    }

    @Test
    void casts() {
        assertEquals("[1,2,3]", out(R.castValue("integer[]", "vector", ints(1, 2, 3), -1)));
        assertEquals("[1.5,2.5]", out(R.castValue("real[]", "vector", PgArray.of(TypeOids.FLOAT4, 1.5f, 2.5f), -1)));
        assertEquals("[1.25,2]", out(R.castValue("double precision[]", "vector", PgArray.of(TypeOids.FLOAT8, 1.25, 2.0), -1)));
        assertEquals("[0.1,0.25]", out(R.castValue("numeric[]", "vector",
                PgArray.of(TypeOids.NUMERIC, new BigDecimal("0.1"), new BigDecimal("0.25")), -1)));
        assertEquals("[4,5,6]", out(R.castValue("integer[]", "vector", ints(4, 5, 6), 3)));
        assertEquals(PgArray.of(TypeOids.FLOAT4, 1f, 2.5f, 3f), R.castValue("vector", "real[]", vec("[1,2.5,3]"), -1));
        assertEquals("[0.1,0]", out(R.castValue("double precision[]", "vector", PgArray.of(TypeOids.FLOAT8, 0.1, 1e-50), -1)));
        assertEquals("[1,2,3]", out(R.castValue("vector", "halfvec", vec("[1,2,3]"), -1)));
        assertEquals("{1:1,2:2,3:3}/3", out(R.castValue("vector", "sparsevec", vec("[1,2,3]"), -1)));
        assertEquals("[1.5,2.5]", out(R.castValue("halfvec", "vector", half("[1.5,2.5]"), -1)));
        assertEquals(PgArray.of(TypeOids.FLOAT4, 1f, 2f, 3f), R.castValue("halfvec", "real[]", half("[1,2,3]"), -1));
        assertEquals("[1,0,2,0,0]", out(R.castValue("sparsevec", "vector", sparse("{1:1,3:2}/5"), -1)));
        assertEquals("{2:1.5,5:2}/5", out(R.castValue("vector", "sparsevec", vec("[0,1.5,0,0,2]"), -1)));
        assertEquals("{}/2", out(R.castValue("double precision[]", "sparsevec",
                PgArray.of(TypeOids.FLOAT8, 1e-46, -1e-46), -1)));
        assertEquals("[1,2]", out(R.castValue("vector", "vector", vec("[1,2]"), 2)));
        expect("54000", "vector cannot have more than 16000 dimensions",
                () -> R.castValue("integer[]", "vector", PgArray.of(TypeOids.INT4, fill(16001)), -1));
        expect("22004", "array must not contain nulls", () -> R.castValue("integer[]", "vector", ints(1, null, 3), -1));
        expect("22000", "vector must have at least 1 dimension",
                () -> R.castValue("real[]", "vector", PgArray.of(TypeOids.FLOAT4), -1));
        expect("22000", "array must be 1-D", () -> R.castValue("integer[]", "vector",
                new PgArray(TypeOids.INT4, new int[] {2, 2}, new int[] {1, 1}, new Object[] {1, 2, 3, 4}), -1));
        expect("22000", "NaN not allowed in vector", () -> R.castValue("double precision[]", "vector",
                PgArray.of(TypeOids.FLOAT8, Double.NaN, 1.0), -1));
        expect("22000", "infinite value not allowed in vector", () -> R.castValue("double precision[]", "vector",
                PgArray.of(TypeOids.FLOAT8, 4e38), -1));
        expect("22000", "expected 3 dimensions, not 2", () -> R.castValue("integer[]", "vector", ints(1, 2), 3));
        expect("22000", "expected 3 dimensions, not 4", () -> R.castValue("vector", "vector", vec("[1,2,3,4]"), 3));
        expect("22003", "\"65520\" is out of range for type halfvec", () -> R.castValue("vector", "halfvec",
                vec("[65520]"), -1));
        expect("22003", "\"1" + "0".repeat(39) + "\" is out of range for type real", () -> R.castValue("numeric[]",
                "vector", PgArray.of(TypeOids.NUMERIC, new BigDecimal("1e39")), -1));
        assertEquals("vector_to_float4", R.cast("vector", "real[]").functionName());
        assertEquals(io.pgsight.sql.spi.CastContext.IMPLICIT, R.cast("vector", "halfvec").context());
        assertEquals(io.pgsight.sql.spi.CastContext.ASSIGNMENT, R.cast("numeric[]", "vector").context());
    }

    private static Object[] fill(int n) {
        Object[] o = new Object[n];
        Arrays.fill(o, 1);
        return o;
    }

    @Test
    void halfvecAndSparsevecFunctions() {
        List<String> hh = List.of("halfvec", "halfvec");
        assertEquals("5.196152422706632", out(R.apply("<->", "halfvec", half("[1,2,3]"), half("[4,5,6]"))));
        assertEquals("-32", out(R.apply("<#>", "halfvec", half("[1,2,3]"), half("[4,5,6]"))));
        assertEquals("0.025368153802923787", out(R.apply("<=>", "halfvec", half("[1,2,3]"), half("[4,5,6]"))));
        assertEquals("9", out(R.apply("<+>", "halfvec", half("[1,2,3]"), half("[4,5,6]"))));
        assertEquals("5", out(R.call("l2_norm", List.of("halfvec"), half("[3,4]"))));
        expect("22000", "different halfvec dimensions 1 and 2", () -> R.call("l2_distance", hh, half("[1]"), half("[1,2]")));
        assertEquals("2.449489742783178", out(R.apply("<->", "sparsevec", sparse("{1:1,3:2}/5"), sparse("{2:1}/5"))));
        assertEquals("-5", out(R.apply("<#>", "sparsevec", sparse("{1:1,3:2}/5"), sparse("{1:3,3:1}/5"))));
        assertEquals("0.29289321881345254", out(R.apply("<=>", "sparsevec", sparse("{1:1,3:2}/5"), sparse("{1:3,3:1}/5"))));
        assertEquals("4", out(R.apply("<+>", "sparsevec", sparse("{1:1,3:2}/5"), sparse("{2:1}/5"))));
        assertEquals("5", out(R.call("l2_norm", List.of("sparsevec"), sparse("{1:3,2:4}/2"))));
        assertEquals("{1:0.6,2:0.8}/3", out(R.call("l2_normalize", List.of("sparsevec"), sparse("{1:3,2:4}/3"))));
        assertEquals("{1:1}/2", out(R.call("l2_normalize", List.of("sparsevec"), sparse("{1:3e38,2:1e-37}/2"))));
        expect("22000", "different sparsevec dimensions 5 and 4",
                () -> R.apply("<->", "sparsevec", sparse("{}/5"), sparse("{}/4")));
    }

    @Test
    void bitDistances() {
        assertEquals("2", out(R.apply("<~>", "bit", BitString.parse("1010"), BitString.parse("0110"))));
        assertEquals("0.6666666666666667", out(R.apply("<%>", "bit", BitString.parse("1010"), BitString.parse("0110"))));
        assertEquals("3", out(R.call("hamming_distance", List.of("bit", "bit"), BitString.parse("111"), BitString.parse("000"))));
        assertEquals("0.33333333333333337",
                out(R.call("jaccard_distance", List.of("bit", "bit"), BitString.parse("1100"), "1110")));
        assertEquals("0", out(R.apply("<~>", "bit", BitString.parse(""), BitString.parse(""))));
        assertEquals("1", out(R.apply("<%>", "bit", BitString.parse(""), BitString.parse(""))));
        assertEquals("0.25", out(R.apply("<%>", "bit", BitString.parse("1111"), BitString.parse("1110"))));
        expect("22000", "different bit lengths 3 and 2", () -> R.apply("<~>", "bit", BitString.parse("101"),
                BitString.parse("11")));
    }

    @Test
    void settings() {
        assertEquals("1", R.setting("ivfflat.probes").defaultValue());
        assertEquals(32768, (int) R.setting("ivfflat.probes").max());
        assertEquals("40", R.setting("hnsw.ef_search").defaultValue());
        assertEquals(1000, (int) R.setting("hnsw.ef_search").max());
        assertEquals(List.of("off", "relaxed_order", "strict_order"), R.setting("hnsw.iterative_scan").enumValues());
        assertEquals(List.of("off", "relaxed_order"), R.setting("ivfflat.iterative_scan").enumValues());
        assertEquals("20000", R.setting("hnsw.max_scan_tuples").defaultValue());
        assertEquals("1", R.setting("hnsw.scan_mem_multiplier").defaultValue());
        assertEquals("32768", R.setting("ivfflat.max_probes").defaultValue());
    }
}
