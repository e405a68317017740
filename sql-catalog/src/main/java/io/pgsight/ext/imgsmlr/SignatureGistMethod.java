package io.pgsight.ext.imgsmlr;

import io.pgsight.imaging.Signature;
import io.pgsight.index.rtree.SignatureRTree;
import io.pgsight.sql.spi.IndexAccessMethod;
import io.pgsight.sql.spi.IndexBuildContext;
import io.pgsight.sql.spi.IndexInstance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** gist_signature_ops' behaviour behind {@code CREATE INDEX ... USING gist (signature)}: an R-tree. */
final class SignatureGistMethod implements IndexAccessMethod {
    @Override
    public Object parseOptions(Map<String, String> options) {
        return GistOptions.parse(options);
    }

    @Override
    public IndexInstance build(IndexBuildContext context) {
        // primitive arrays, grown by doubling: a million rows cost 64 MB of floats, not a million boxed objects
        long[][] ids = {new long[1024]};
        float[][] flat = {new float[1024 * Signature.SIZE]};
        int[] count = {0};
        List<Long> nullRows = new ArrayList<>();
        context.forEachRow((rowId, key) -> {
            if (key == null) {
                nullRows.add(rowId);
                return;
            }
            int n = count[0];
            if (n == ids[0].length) {
                ids[0] = Arrays.copyOf(ids[0], n * 2);
                flat[0] = Arrays.copyOf(flat[0], n * 2 * Signature.SIZE);
            }
            ids[0][n] = rowId;
            Signature s = (Signature) key;
            for (int k = 0; k < Signature.SIZE; k++) {
                flat[0][n * Signature.SIZE + k] = s.get(k);
            }
            count[0] = n + 1;
        });
        int n = count[0];
        return new SignatureGistIndex(SignatureRTree.build(Arrays.copyOf(flat[0], n * Signature.SIZE),
                Arrays.copyOf(ids[0], n)), nullRows);
    }
}
