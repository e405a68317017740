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

        /**
         * A copy with child {@code c} replaced by {@code replacement} (one node, or two after a
         * split); only the new children's bounds are computed, the others' boxes are copied.
         */
        Inner replace(int c, Node[] replacement) {
            int n = children.length - 1 + replacement.length;
            Node[] kids = new Node[n];
            float[] newLo = new float[n * D];
            float[] newHi = new float[n * D];
            System.arraycopy(children, 0, kids, 0, c);
            System.arraycopy(lo, 0, newLo, 0, c * D);
            System.arraycopy(hi, 0, newHi, 0, c * D);
            for (int r = 0; r < replacement.length; r++) {
                kids[c + r] = replacement[r];
                replacement[r].bounds(newLo, newHi, (c + r) * D);
            }
            int tail = children.length - c - 1;
            System.arraycopy(children, c + 1, kids, c + replacement.length, tail);
            System.arraycopy(lo, (c + 1) * D, newLo, (c + replacement.length) * D, tail * D);
            System.arraycopy(hi, (c + 1) * D, newHi, (c + replacement.length) * D, tail * D);
            return new Inner(newLo, newHi, kids);
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
