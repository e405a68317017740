package io.pgsight.sql.txn;

import java.util.Set;

/**
 * What one statement sees: transactions committed before it started, plus its own transaction's
 * writes from earlier commands ({@code commandId}).
 */
public record Snapshot(TopTransaction own, long xmax, Set<TopTransaction> inProgress, int commandId) {

    /** True when the writes of {@code xid} are visible as committed (not counting own writes). */
    public boolean committedFor(Xid xid) {
        if (xid.state() != TxnState.COMMITTED) {
            return false;
        }
        return xid.top().id() < xmax && !inProgress.contains(xid.top());
    }

    public boolean isOwn(Xid xid) {
        return own != null && xid.top() == own;
    }

    /** Visibility of a version stamped (xmin, cmin) / (xmax, cmax). */
    public boolean sees(Xid xmin, int cmin, Xid xmaxXid, int cmax) {
        if (isOwn(xmin)) {
            if (xmin.state() == TxnState.ABORTED || cmin >= commandId) {
                return false;
            }
        } else if (!committedFor(xmin)) {
            return false;
        }
        if (xmaxXid == null) {
            return true;
        }
        if (isOwn(xmaxXid)) {
            return xmaxXid.state() == TxnState.ABORTED || cmax >= commandId;
        }
        return !committedFor(xmaxXid);
    }

    public Snapshot withCommandId(int cid) {
        return new Snapshot(own, xmax, inProgress, cid);
    }
}
