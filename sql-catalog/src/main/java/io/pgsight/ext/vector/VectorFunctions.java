package io.pgsight.ext.vector;

import java.util.List;

/** Functions and operators on {@code vector}, as declared by pgvector's SQL script. */
final class VectorFunctions {
    private VectorFunctions() {
    }

    static Vector v(Object o) {
        return (Vector) o;
    }

    static float[] pair(Object a, Object b) {
        VectorMath.checkSameDimensions(VectorType.NAME, v(a).dimensions(), v(b).dimensions());
        return v(a).elements();
    }

    static void register(Registrar c) {
        String t = VectorType.NAME;
        List<String> two = List.of(t, t);
        List<String> one = List.of(t);
        c.function("l2_distance", two, "double precision", "Euclidean distance",
                (ctx, a) -> Distances.l2(pair(a[0], a[1]), v(a[1]).elements()));
        c.function("inner_product", two, "double precision", "inner product",
                (ctx, a) -> Distances.innerProduct(pair(a[0], a[1]), v(a[1]).elements()));
        c.function("cosine_distance", two, "double precision", "cosine distance",
                (ctx, a) -> Distances.cosine(pair(a[0], a[1]), v(a[1]).elements()));
        c.function("l1_distance", two, "double precision", "taxicab distance",
                (ctx, a) -> Distances.l1(pair(a[0], a[1]), v(a[1]).elements()));
        c.function("vector_dims", one, "integer", "number of dimensions", (ctx, a) -> v(a[0]).dimensions());
        c.function("vector_norm", one, "double precision", "Euclidean norm",
                (ctx, a) -> Distances.norm(v(a[0]).elements()));
        c.function("l2_normalize", one, t, "normalize with Euclidean norm", (ctx, a) -> VectorMath.normalize(v(a[0])));
        c.function("binary_quantize", one, "bit", "binary quantize",
                (ctx, a) -> VectorMath.binaryQuantize(v(a[0]).elements()));
        c.function("subvector", List.of(t, "integer", "integer"), t, "subvector",
                (ctx, a) -> VectorMath.subvector(v(a[0]), (Integer) a[1], (Integer) a[2]));
        c.function("vector_add", two, t, "implementation of + operator", (ctx, a) -> VectorMath.add(v(a[0]), v(a[1])));
        c.function("vector_sub", two, t, "implementation of - operator",
                (ctx, a) -> VectorMath.subtract(v(a[0]), v(a[1])));
        c.function("vector_mul", two, t, "implementation of * operator",
                (ctx, a) -> VectorMath.multiply(v(a[0]), v(a[1])));
        c.function("vector_concat", two, t, "implementation of || operator",
                (ctx, a) -> VectorMath.concat(v(a[0]), v(a[1])));
        c.comparisons(t, Vector.class);
        c.function("vector_l2_squared_distance", two, "double precision", "squared Euclidean distance",
                (ctx, a) -> Distances.l2Squared(pair(a[0], a[1]), v(a[1]).elements()));
        c.function("vector_negative_inner_product", two, "double precision", "negative inner product",
                (ctx, a) -> -Distances.innerProduct(pair(a[0], a[1]), v(a[1]).elements()));
        c.function("vector_spherical_distance", two, "double precision", "spherical distance",
                (ctx, a) -> sphericalDistance(pair(a[0], a[1]), v(a[1]).elements()));

        c.commutativeOperator("<->", t, "l2_distance");
        c.commutativeOperator("<#>", t, "vector_negative_inner_product");
        c.commutativeOperator("<=>", t, "cosine_distance");
        c.commutativeOperator("<+>", t, "l1_distance");
        c.operator("+", t, "vector_add", "+", null, "add");
        c.operator("-", t, "vector_sub", null, null, "subtract");
        c.operator("*", t, "vector_mul", "*", null, "multiply");
        c.operator("||", t, "vector_concat", null, null, "concatenate");
    }

    /** acos(clamped inner product) / pi: the k-means distance of the ip and cosine opclasses. */
    static double sphericalDistance(float[] a, float[] b) {
        double dp = Distances.innerProduct(a, b);
        if (dp > 1) {
            dp = 1;
        } else if (dp < -1) {
            dp = -1;
        }
        return Math.acos(dp) / Math.PI;
    }
}
