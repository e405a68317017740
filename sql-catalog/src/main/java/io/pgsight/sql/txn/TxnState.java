package io.pgsight.sql.txn;

/** Lifecycle of a top-level transaction. */
public enum TxnState { IN_PROGRESS, COMMITTED, ABORTED }
