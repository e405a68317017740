package io.pgsight.ext.imgsmlr;

import io.pgsight.imaging.Signature;
import io.pgsight.index.rtree.SignatureRTree;
import io.pgsight.sql.spi.IndexAccessMethod;
import io.pgsight.sql.spi.IndexBuildContext;
import io.pgsight.sql.spi.IndexInstance;

import java.util.ArrayList;
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
        List<Long> ids = new ArrayList<>();
        List<float[]> points = new ArrayList<>();
        List<Long> nullRows = new ArrayList<>();
        context.forEachRow((rowId, key) -> {
            if (key == null) {
                nullRows.add(rowId);
            } else {
                ids.add(rowId);
                points.add(((Signature) key).toArray());
            }
        });
        float[] flat = new float[points.size() * Signature.SIZE];
        long[] rowIds = new long[ids.size()];
        for (int i = 0; i < rowIds.length; i++) {
            rowIds[i] = ids.get(i);
            System.arraycopy(points.get(i), 0, flat, i * Signature.SIZE, Signature.SIZE);
        }
        return new SignatureGistIndex(SignatureRTree.build(flat, rowIds), nullRows);
    }
}
