package io.pgsight.ext.vector;

import java.util.List;

/** pgvector's additions for the built-in {@code bit} type. */
final class BitFunctions {
    private BitFunctions() {
    }

    static void register(Registrar c) {
        List<String> two = List.of("bit", "bit");
        c.function("hamming_distance", two, "double precision", "Hamming distance",
                (ctx, a) -> BitDistances.hamming(BitDistances.asBits(a[0]), BitDistances.asBits(a[1])));
        c.function("jaccard_distance", two, "double precision", "Jaccard distance",
                (ctx, a) -> BitDistances.jaccard(BitDistances.asBits(a[0]), BitDistances.asBits(a[1])));
        c.commutativeOperator("<~>", "bit", "hamming_distance");
        c.commutativeOperator("<%>", "bit", "jaccard_distance");
    }
}
