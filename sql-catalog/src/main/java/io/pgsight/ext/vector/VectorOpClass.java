package io.pgsight.ext.vector;

import io.pgsight.index.Metric;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.BitString;

/** pgvector's ivfflat/hnsw operator classes: the ordering operator, metric and key conversion. */
enum VectorOpClass {
    VECTOR_L2("vector_l2_ops", "vector", "<->", Metric.L2, true, true),
    VECTOR_IP("vector_ip_ops", "vector", "<#>", Metric.NEGATIVE_INNER_PRODUCT, true, true),
    VECTOR_COSINE("vector_cosine_ops", "vector", "<=>", Metric.COSINE, true, true),
    VECTOR_L1("vector_l1_ops", "vector", "<+>", Metric.L1, false, true),
    HALFVEC_L2("halfvec_l2_ops", "halfvec", "<->", Metric.L2, true, true),
    HALFVEC_IP("halfvec_ip_ops", "halfvec", "<#>", Metric.NEGATIVE_INNER_PRODUCT, true, true),
    HALFVEC_COSINE("halfvec_cosine_ops", "halfvec", "<=>", Metric.COSINE, true, true),
    HALFVEC_L1("halfvec_l1_ops", "halfvec", "<+>", Metric.L1, false, true),
    SPARSEVEC_L2("sparsevec_l2_ops", "sparsevec", "<->", Metric.L2, false, true),
    SPARSEVEC_IP("sparsevec_ip_ops", "sparsevec", "<#>", Metric.NEGATIVE_INNER_PRODUCT, false, true),
    SPARSEVEC_COSINE("sparsevec_cosine_ops", "sparsevec", "<=>", Metric.COSINE, false, true),
    SPARSEVEC_L1("sparsevec_l1_ops", "sparsevec", "<+>", Metric.L1, false, true),
    /** Hamming distance of bit strings equals the L1 distance of their 0/1 expansions. */
    BIT_HAMMING("bit_hamming_ops", "bit", "<~>", Metric.L1, true, true),
    /** No float metric ranks like Jaccard: served by an exact scan (see ExactScanIndex). */
    BIT_JACCARD("bit_jaccard_ops", "bit", "<%>", null, false, true);

    /** hnsw sparsevec values may have at most this many non-zeros. */
    static final int HNSW_SPARSE_MAX_NNZ = 1000;
    /**
     * Largest sparsevec dimension or bit length expanded into a float index (4 bytes per element
     * and row); wider columns are served by an exact scan instead.
     */
    static final int DENSIFY_MAX_DIM = 2000;

    final String opclassName;
    final String type;
    final String operator;
    final Metric metric;
    final boolean ivfflat;
    final boolean hnsw;

    VectorOpClass(String opclassName, String type, String operator, Metric metric, boolean ivfflat, boolean hnsw) {
        this.opclassName = opclassName;
        this.type = type;
        this.operator = operator;
        this.metric = metric;
        this.ivfflat = ivfflat;
        this.hnsw = hnsw;
    }

    static VectorOpClass named(String name) {
        for (VectorOpClass c : values()) {
            if (c.opclassName.equals(name)) {
                return c;
            }
        }
        throw new SqlException("42704", "operator class \"" + name + "\" is not a pgvector operator class");
    }

    /** Largest column dimension the access method accepts (pgvector's per-type limits). */
    int maxDimensions() {
        return switch (type) {
            case "vector" -> 2000;
            case "halfvec" -> 4000;
            case "bit" -> 64000;
            default -> SparseVec.MAX_DIM;
        };
    }

    /** The key as float32 elements for the float index (null for SQL NULL). */
    float[] toFloats(Object key, String amName) {
        if (key == null) {
            return null;
        }
        if (key instanceof Vector v) {
            return v.toArray();
        }
        if (key instanceof HalfVec h) {
            return h.toFloats();
        }
        if (key instanceof SparseVec s) {
            checkSparseNnz(s, amName);
            return s.toDense();
        }
        BitString b = BitDistances.asBits(key);
        float[] out = new float[b.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i) ? 1f : 0f;
        }
        return out;
    }

    static void checkSparseNnz(SparseVec s, String amName) {
        if (s.nonZeroCount() > HNSW_SPARSE_MAX_NNZ) {
            throw new SqlException("54000", "sparsevec cannot have more than " + HNSW_SPARSE_MAX_NNZ
                    + " non-zero elements for " + amName + " index");
        }
    }

    /** Dimension of a key value (bit length for bit strings). */
    static int dimensionsOf(Object key) {
        if (key instanceof Vector v) {
            return v.dimensions();
        }
        if (key instanceof HalfVec h) {
            return h.dimensions();
        }
        if (key instanceof SparseVec s) {
            return s.dimensions();
        }
        return BitDistances.asBits(key).length();
    }

    /** The SQL operator's own value, used by exact scans. */
    double operatorDistance(Object a, Object b) {
        if (this == BIT_JACCARD) {
            return BitDistances.jaccard(BitDistances.asBits(a), BitDistances.asBits(b));
        }
        if (this == BIT_HAMMING) {
            return BitDistances.hamming(BitDistances.asBits(a), BitDistances.asBits(b));
        }
        if (a instanceof SparseVec x && b instanceof SparseVec y) {
            return switch (metric) {
                case L2, L2_SQUARED -> Math.sqrt(SparseDistances.l2Squared(x, y));
                case NEGATIVE_INNER_PRODUCT -> -SparseDistances.innerProduct(x, y);
                case COSINE -> SparseDistances.cosine(x, y);
                case L1 -> SparseDistances.l1(x, y);
            };
        }
        float[] x = toFloats(a, "hnsw");
        float[] y = toFloats(b, "hnsw");
        return switch (metric) {
            case L2, L2_SQUARED -> Distances.l2(x, y);
            case NEGATIVE_INNER_PRODUCT -> -Distances.innerProduct(x, y);
            case COSINE -> Distances.cosine(x, y);
            case L1 -> Distances.l1(x, y);
        };
    }
}
