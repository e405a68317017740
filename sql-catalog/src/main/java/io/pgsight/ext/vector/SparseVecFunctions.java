package io.pgsight.ext.vector;

import java.util.List;

/** Functions and operators on {@code sparsevec} (no arithmetic: pgvector defines none). */
final class SparseVecFunctions {
    private SparseVecFunctions() {
    }

    static SparseVec s(Object o) {
        return (SparseVec) o;
    }

    private interface Kernel {
        double apply(SparseVec a, SparseVec b);
    }

    private static Object distance(Object a, Object b, Kernel k) {
        VectorMath.checkSameDimensions(SparseVecType.NAME, s(a).dimensions(), s(b).dimensions());
        return k.apply(s(a), s(b));
    }

    static void register(Registrar c) {
        String t = SparseVecType.NAME;
        List<String> two = List.of(t, t);
        List<String> one = List.of(t);
        c.function("l2_distance", two, "double precision", "Euclidean distance",
                (ctx, a) -> distance(a[0], a[1], (x, y) -> Math.sqrt(SparseDistances.l2Squared(x, y))));
        c.function("inner_product", two, "double precision", "inner product",
                (ctx, a) -> distance(a[0], a[1], SparseDistances::innerProduct));
        c.function("cosine_distance", two, "double precision", "cosine distance",
                (ctx, a) -> distance(a[0], a[1], SparseDistances::cosine));
        c.function("l1_distance", two, "double precision", "taxicab distance",
                (ctx, a) -> distance(a[0], a[1], SparseDistances::l1));
        c.function("l2_norm", one, "double precision", "Euclidean norm", (ctx, a) -> SparseDistances.norm(s(a[0])));
        c.function("l2_normalize", one, t, "normalize with Euclidean norm", (ctx, a) -> VectorMath.normalize(s(a[0])));
        c.comparisons(t, SparseVec.class);
        c.function("sparsevec_l2_squared_distance", two, "double precision", "squared Euclidean distance",
                (ctx, a) -> distance(a[0], a[1], SparseDistances::l2Squared));
        c.function("sparsevec_negative_inner_product", two, "double precision", "negative inner product",
                (ctx, a) -> distance(a[0], a[1], (x, y) -> -SparseDistances.innerProduct(x, y)));

        c.commutativeOperator("<->", t, "l2_distance");
        c.commutativeOperator("<#>", t, "sparsevec_negative_inner_product");
        c.commutativeOperator("<=>", t, "cosine_distance");
        c.commutativeOperator("<+>", t, "l1_distance");
    }
}
