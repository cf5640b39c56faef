package io.rustydb.txn.lock;

import java.util.Objects;

/**
 * What is locked: the database, a table, a row of a table, or a transaction's own id (which other transactions wait
 * on to learn that it has ended, see {@link LockManager#waitForTransaction}). An immutable value: equal keys name the
 * same lockable object, so keys are built afresh for each request.
 *
 * <p>Granularity: database ⊃ table ⊃ row. Lock modes on a finer key are announced by an intention mode on its
 * {@link #parent()}; the lock manager does not do that by itself.
 *
 * @param kind    which kind of object
 * @param tableId the table's id for {@link Kind#TABLE} and {@link Kind#ROW}, 0 otherwise
 * @param id      the row id for {@link Kind#ROW}, the transaction id for {@link Kind#TRANSACTION}, 0 otherwise
 */
public record LockKey(Kind kind, int tableId, long id) {
    /** The kinds of lockable objects, coarsest first. */
    public enum Kind {
        DATABASE,
        TABLE,
        ROW,
        TRANSACTION
    }

    private static final LockKey DATABASE = new LockKey(Kind.DATABASE, 0, 0);

    public LockKey {
        Objects.requireNonNull(kind, "kind");
        boolean ok = switch (kind) {
            case DATABASE -> tableId == 0 && id == 0;
            case TABLE -> id == 0;
            case ROW -> true;
            case TRANSACTION -> tableId == 0 && id > 0;
        };
        if (!ok) {
            throw new IllegalArgumentException("bad " + kind + " key: table " + tableId + ", id " + id);
        }
    }

    /** The whole database (e.g. for a backup or a schema-wide change). */
    public static LockKey database() {
        return DATABASE;
    }

    public static LockKey table(int tableId) {
        return new LockKey(Kind.TABLE, tableId, 0);
    }

    public static LockKey row(int tableId, long rowId) {
        return new LockKey(Kind.ROW, tableId, rowId);
    }

    /** The key every transaction holds in X from begin to end ({@link LockManager#registerTransaction}). */
    public static LockKey transaction(long txnId) {
        return new LockKey(Kind.TRANSACTION, 0, txnId);
    }

    /** The next coarser key (row → table → database), or {@code null} for the database and transaction keys. */
    public LockKey parent() {
        return switch (kind) {
            case ROW -> table(tableId);
            case TABLE -> DATABASE;
            case DATABASE, TRANSACTION -> null;
        };
    }

    /** As in messages: {@code database}, {@code table 3}, {@code row (3, 1234)}, {@code transaction 12}. */
    @Override
    public String toString() {
        return switch (kind) {
            case DATABASE -> "database";
            case TABLE -> "table " + tableId;
            case ROW -> "row (" + tableId + ", " + id + ")";
            case TRANSACTION -> "transaction " + id;
        };
    }
}
