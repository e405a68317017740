package io.pgsight.ext.vector;

import java.util.List;

/** Functions and operators on {@code halfvec}: computed in float32 over the widened elements. */
final class HalfVecFunctions {
    private HalfVecFunctions() {
    }

    static HalfVec h(Object o) {
        return (HalfVec) o;
    }

    private interface Kernel {
        double apply(float[] a, float[] b);
    }

    private static Object distance(Object a, Object b, Kernel k) {
        VectorMath.checkSameDimensions(HalfVecType.NAME, h(a).dimensions(), h(b).dimensions());
        return k.apply(h(a).toFloats(), h(b).toFloats());
    }

    static void register(Registrar c) {
        String t = HalfVecType.NAME;
        List<String> two = List.of(t, t);
        List<String> one = List.of(t);
        c.function("l2_distance", two, "double precision", "Euclidean distance",
                (ctx, a) -> distance(a[0], a[1], Distances::l2));
        c.function("inner_product", two, "double precision", "inner product",
                (ctx, a) -> distance(a[0], a[1], Distances::innerProduct));
        c.function("cosine_distance", two, "double precision", "cosine distance",
                (ctx, a) -> distance(a[0], a[1], Distances::cosine));
        c.function("l1_distance", two, "double precision", "taxicab distance",
                (ctx, a) -> distance(a[0], a[1], Distances::l1));
        c.function("vector_dims", one, "integer", "number of dimensions", (ctx, a) -> h(a[0]).dimensions());
        c.function("l2_norm", one, "double precision", "Euclidean norm", (ctx, a) -> Distances.norm(h(a[0]).toFloats()));
        c.function("l2_normalize", one, t, "normalize with Euclidean norm", (ctx, a) -> VectorMath.normalize(h(a[0])));
        c.function("binary_quantize", one, "bit", "binary quantize",
                (ctx, a) -> VectorMath.binaryQuantize(h(a[0]).toFloats()));
        c.function("subvector", List.of(t, "integer", "integer"), t, "subvector",
                (ctx, a) -> VectorMath.subvector(h(a[0]), (Integer) a[1], (Integer) a[2]));
        c.function("halfvec_add", two, t, "implementation of + operator", (ctx, a) -> VectorMath.add(h(a[0]), h(a[1])));
        c.function("halfvec_sub", two, t, "implementation of - operator",
                (ctx, a) -> VectorMath.subtract(h(a[0]), h(a[1])));
        c.function("halfvec_mul", two, t, "implementation of * operator",
                (ctx, a) -> VectorMath.multiply(h(a[0]), h(a[1])));
        c.function("halfvec_concat", two, t, "implementation of || operator",
                (ctx, a) -> VectorMath.concat(h(a[0]), h(a[1])));
        c.comparisons(t, HalfVec.class);
        c.function("halfvec_l2_squared_distance", two, "double precision", "squared Euclidean distance",
                (ctx, a) -> distance(a[0], a[1], Distances::l2Squared));
        c.function("halfvec_negative_inner_product", two, "double precision", "negative inner product",
                (ctx, a) -> distance(a[0], a[1], (x, y) -> -Distances.innerProduct(x, y)));
        c.function("halfvec_spherical_distance", two, "double precision", "spherical distance",
                (ctx, a) -> distance(a[0], a[1], VectorFunctions::sphericalDistance));

        c.commutativeOperator("<->", t, "l2_distance");
        c.commutativeOperator("<#>", t, "halfvec_negative_inner_product");
        c.commutativeOperator("<=>", t, "cosine_distance");
        c.commutativeOperator("<+>", t, "l1_distance");
        c.operator("+", t, "halfvec_add", "+", null, "add");
        c.operator("-", t, "halfvec_sub", null, null, "subtract");
        c.operator("*", t, "halfvec_mul", "*", null, "multiply");
        c.operator("||", t, "halfvec_concat", null, null, "concatenate");
    }
}
