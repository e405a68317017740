package io.pgsight.index.rtree;

/**
 * An immutable R-tree node. Children's (or entries') boxes are kept flattened, {@code 16} floats per
 * child, so distance and penalty loops run over plain arrays. Writers copy the nodes on the path
 * they change; readers keep whatever root they started from.
 */
sealed interface Node permits Node.Leaf, Node.Inner {
    int D = Box.DIMENSIONS;

    int size();

    /** Bounding box of everything below, written into {@code lo}/{@code hi} at {@code off}. */
    void bounds(float[] lo, float[] hi, int off);

    /** Leaf: points (lo == hi) and their row ids. */
    record Leaf(float[] points, long[] rowIds) implements Node {
        @Override
        public int size() {
            return rowIds.length;
        }

        @Override
        public void bounds(float[] lo, float[] hi, int off) {
            for (int k = 0; k < D; k++) {
                float l = Float.POSITIVE_INFINITY;
                float h = Float.NEGATIVE_INFINITY;
                boolean nan = false;
                for (int e = 0; e < rowIds.length; e++) {
                    float v = points[e * D + k];
                    if (v != v) {
                        nan = true;
                    } else {
                        l = l < v ? l : v;
                        h = h > v ? h : v;
                    }
                }
                // a NaN coordinate adds 0 to the GiST distance, so the box must not bound that dimension
                lo[off + k] = nan ? Float.NEGATIVE_INFINITY : l;
                hi[off + k] = nan ? Float.POSITIVE_INFINITY : h;
            }
        }
    }

    /** Inner node: child boxes (lo/hi, 16 floats per child) and the children. */
    record Inner(float[] lo, float[] hi, Node[] children) implements Node {
        @Override
        public int size() {
            return children.length;
        }

        @Override
        public void bounds(float[] outLo, float[] outHi, int off) {
            for (int k = 0; k < D; k++) {
                float l = Float.POSITIVE_INFINITY;
                float h = Float.NEGATIVE_INFINITY;
                for (int c = 0; c < children.length; c++) {
                    l = l < lo[c * D + k] ? l : lo[c * D + k];
                    h = h > hi[c * D + k] ? h : hi[c * D + k];
                }
                outLo[off + k] = l;
                outHi[off + k] = h;
            }
        }

        static Inner of(Node[] children) {
            float[] lo = new float[children.length * D];
            float[] hi = new float[children.length * D];
            for (int c = 0; c < children.length; c++) {
                children[c].bounds(lo, hi, c * D);
            }
            return new Inner(lo, hi, children);
        }
    }
}
