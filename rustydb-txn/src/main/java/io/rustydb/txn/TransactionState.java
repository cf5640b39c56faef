package io.rustydb.txn;

/**
 * The life of a transaction:
 * <pre>
 *   ACTIVE --commit--> COMMITTED
 *     |
 *     +----rollback--> ABORTED
 * </pre>
 * A statement that fails inside an ACTIVE transaction rolls back to the statement's start and the transaction
 * stays ACTIVE (statement-level atomicity).
 */
public enum TransactionState {
    ACTIVE, COMMITTED, ABORTED
}
