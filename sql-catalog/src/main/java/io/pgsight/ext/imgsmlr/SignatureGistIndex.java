package io.pgsight.ext.imgsmlr;

import io.pgsight.imaging.Signature;
import io.pgsight.index.rtree.KnnCursor;
import io.pgsight.index.rtree.SignatureRTree;
import io.pgsight.sql.api.SqlException;
import io.pgsight.sql.spi.FunctionContext;
import io.pgsight.sql.spi.IndexInstance;

import java.util.Collection;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A built gist_signature_ops index. Rows come back in increasing GiST distance (imgsmlr's
 * signature_gist_distance: exact, float squares summed in double) and the reported distance is
 * what {@code <->} returns (float4). Rows with a NULL signature come after all others, as GiST
 * returns them, with distance NaN. Safe for concurrent scans and writes (see {@link SignatureRTree}).
 */
final class SignatureGistIndex implements IndexInstance {
    private static final int SCAN_CHECK_INTERVAL = 1024;

    private final SignatureRTree tree;
    private final java.util.Set<Long> nullRows = ConcurrentHashMap.newKeySet();

    SignatureGistIndex(SignatureRTree tree, Collection<Long> nullRows) {
        this.tree = tree;
        this.nullRows.addAll(nullRows);
    }

    @Override
    public void insert(long rowId, Object key) {
        if (key == null) {
            nullRows.add(rowId);
        } else {
            tree.insert(rowId, ((Signature) key).toArray());
        }
    }

    @Override
    public void remove(long rowId, Object key) {
        if (key == null) {
            nullRows.remove(rowId);
        } else {
            tree.remove(rowId, ((Signature) key).toArray());
        }
    }

    @Override
    public OrderedScan orderedScan(String operator, Object query, FunctionContext ctx) {
        if (!"<->".equals(operator)) {
            throw new SqlException("XX000", "operator " + operator + " is not an ordering operator of gist_signature_ops");
        }
        // ORDER BY sig <-> NULL: every distance is NULL, so any order is right
        float[] q = query == null ? new float[Signature.SIZE] : ((Signature) query).toArray();
        return new Scan(tree.nearest(q), nullRows.iterator(), query == null, ctx);
    }

    @Override
    public long sizeBytes() {
        return tree.memoryBytes() + nullRows.size() * 48L;
    }

    int treeSize() {
        return tree.size();
    }

    private static final class Scan implements OrderedScan {
        private final KnnCursor cursor;
        private final Iterator<Long> nulls;
        private final boolean nullQuery;
        private final FunctionContext ctx;
        private boolean inNulls;
        private long rowId;
        private double distance;
        private long pulled;

        Scan(KnnCursor cursor, Iterator<Long> nulls, boolean nullQuery, FunctionContext ctx) {
            this.cursor = cursor;
            this.nulls = nulls;
            this.nullQuery = nullQuery;
            this.ctx = ctx;
        }

        @Override
        public boolean next() {
            if (++pulled % SCAN_CHECK_INTERVAL == 0 && ctx != null) {
                ctx.checkCancelled();
            }
            if (!inNulls) {
                if (cursor.next()) {
                    rowId = cursor.rowId();
                    distance = nullQuery ? Double.NaN : cursor.operatorDistance();
                    return true;
                }
                inNulls = true;
            }
            if (nulls.hasNext()) {
                rowId = nulls.next();
                distance = Double.NaN;
                return true;
            }
            return false;
        }

        @Override
        public long rowId() {
            return rowId;
        }

        @Override
        public double distance() {
            return distance;
        }
    }
}
