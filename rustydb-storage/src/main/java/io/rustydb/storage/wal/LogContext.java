package io.rustydb.storage.wal;

/**
 * The transaction on whose behalf a change is logged: every logged change carries its id and links back to its
 * previous record, so that the transaction can be rolled back by walking its records backwards. Implemented by
 * the transaction layer; storage only writes through it.
 */
public interface LogContext {
    /** The transaction's id (never 0). */
    long txnId();

    /** The LSN of this transaction's latest record, 0 before its first. */
    long lastLsn();

    /** Records that this transaction just appended the record at {@code lsn}. */
    void logged(long lsn);

    /**
     * When the change being logged undoes an earlier one (rollback or recovery), the LSN of the next record of
     * this transaction left to undo; the change is then logged as a compensation record. -1 for a normal change.
     */
    default long undoNextLsn() {
        return -1;
    }
}
