/**
 * Transactions: {@link io.pgsight.sql.txn.TopTransaction}s with {@link io.pgsight.sql.txn.Xid}s per
 * savepoint level, {@link io.pgsight.sql.txn.Snapshot}s for READ COMMITTED statement snapshots with
 * command ids, and waiting for row lock holders with deadlock detection (40P01).
 */
package io.pgsight.sql.txn;
