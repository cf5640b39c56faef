package io.rustydb.txn.mvcc;

/**
 * Thrown at READ COMMITTED when a statement meets a row that a concurrent transaction changed and committed after
 * the statement's snapshot: the engine rolls the statement back and runs it again on a new snapshot (as Oracle
 * does), so that it works on the row's newest version. At REPEATABLE READ and SERIALIZABLE the same situation is
 * a serialization failure (40001) instead.
 */
public final class StatementRestart extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StatementRestart(String message) {
        super(message, null, false, false);
    }
}
