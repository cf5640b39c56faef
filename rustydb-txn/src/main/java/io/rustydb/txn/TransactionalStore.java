package io.rustydb.txn;

import io.rustydb.core.DbException;
import io.rustydb.core.config.SyncMode;
import io.rustydb.storage.StorageEngine;
import io.rustydb.storage.io.ChannelOpener;
import io.rustydb.storage.wal.CurrentLog;
import io.rustydb.storage.wal.FileLogStore;
import io.rustydb.storage.wal.LogStore;
import io.rustydb.storage.wal.MemoryLogStore;
import io.rustydb.storage.wal.RecordHandlers;
import io.rustydb.storage.wal.StorageRecords;
import io.rustydb.storage.wal.WalPageLog;
import io.rustydb.storage.wal.WriteAheadLog;
import io.rustydb.txn.recovery.Checkpointer;
import io.rustydb.txn.recovery.Recovery;
import java.nio.file.Path;

/**
 * A database's storage together with its write-ahead log, transaction manager and checkpointer: what opening a
 * database involves below the SQL layer.
 *
 * <p>Opening runs crash recovery (see {@link Recovery}) before anything else touches the pages: analysis from the
 * checkpoint recorded in the file header, redo, then — with the page log installed, so that undo is logged — undo
 * of the transactions that never ended; then a checkpoint. Closing takes a final checkpoint, so that the next open
 * has nothing to redo, then closes the storage and the log.
 */
public final class TransactionalStore implements AutoCloseable {
    /** Checkpoint after this much log. */
    public static final long DEFAULT_CHECKPOINT_LOG_BYTES = 64L << 20;
    /** ... or after this long with any log written. */
    public static final long DEFAULT_CHECKPOINT_INTERVAL_MILLIS = 60_000;

    private final StorageEngine storage;
    private final WriteAheadLog wal;
    private final TransactionManager transactions;
    private final Checkpointer checkpointer;
    private final Recovery.Analysis recovery;
    private final long redoneRecords;
    private boolean closed;

    private TransactionalStore(StorageEngine storage, WriteAheadLog wal, TransactionManager transactions,
                               Checkpointer checkpointer, Recovery.Analysis recovery, long redoneRecords) {
        this.storage = storage;
        this.wal = wal;
        this.transactions = transactions;
        this.checkpointer = checkpointer;
        this.recovery = recovery;
        this.redoneRecords = redoneRecords;
    }

    /**
     * Opens the log beside {@code storage} (a directory {@code <file>.wal}, or memory for an in-memory database),
     * recovers, and returns the store ready for transactions. On failure the storage is closed.
     */
    public static TransactionalStore open(StorageEngine storage, SyncMode mode, ChannelOpener opener,
                                          long checkpointLogBytes, long checkpointIntervalMillis) {
        LogStore store = null;
        WriteAheadLog wal = null;
        try {
            String name = storage.name();
            boolean durable = !storage.isInMemory();
            store = durable
                    ? new FileLogStore(FileLogStore.directoryFor(Path.of(name)), FileLogStore.DEFAULT_SEGMENT_SIZE, opener)
                    : new MemoryLogStore(1 << 20);
            RecordHandlers handlers = new RecordHandlers();
            StorageRecords.register(handlers, storage.bufferPool());
            Recovery.Analysis analysis = Recovery.analyze(store, storage.checkpointLsn(), name);
            long redone = Recovery.redo(store, analysis, handlers, name);
            wal = new WriteAheadLog(store, durable ? mode : SyncMode.OFF, analysis.endLsn(), name);
            storage.bufferPool().setWalFlushHook(wal);
            storage.bufferPool().setPageLog(new WalPageLog(wal, durable));
            Recovery.undo(wal, analysis, handlers, name);
            TransactionManager tm = new TransactionManager(wal, handlers, analysis.nextTxnId());
            WriteAheadLog log = wal;
            Checkpointer.Target target = new Checkpointer.Target() {
                @Override
                public void flushPages() {
                    if (durable) {
                        try (CurrentLog.Scope none = CurrentLog.enter(null)) {
                            storage.flush();
                        }
                    }
                }

                @Override
                public void recordCheckpoint(long checkpointLsn) {
                    if (durable) {
                        storage.recordCheckpoint(checkpointLsn);
                    }
                }
            };
            Checkpointer checkpointer = new Checkpointer(log, tm, target, checkpointLogBytes,
                    durable ? checkpointIntervalMillis : 0, name);
            TransactionalStore result = new TransactionalStore(storage, wal, tm, checkpointer, analysis, redone);
            if (durable && (analysis.records() > 0 || storage.checkpointLsn() == 0)) {
                checkpointer.checkpoint();
            }
            return result;
        } catch (RuntimeException | Error e) {
            if (wal != null) {
                try {
                    wal.close();
                } catch (RuntimeException suppressed) {
                    suppress(e, suppressed);
                }
            } else if (store != null) {
                try {
                    store.close();
                } catch (RuntimeException suppressed) {
                    suppress(e, suppressed);
                }
            }
            try {
                storage.close();
            } catch (RuntimeException suppressed) {
                suppress(e, suppressed);
            }
            throw e;
        }
    }

    private static void suppress(Throwable main, Throwable other) {
        if (other != main && other.getCause() != main) {
            main.addSuppressed(other);
        }
    }

    public StorageEngine storage() {
        return storage;
    }

    public WriteAheadLog wal() {
        return wal;
    }

    public TransactionManager transactions() {
        return transactions;
    }

    public Checkpointer checkpointer() {
        return checkpointer;
    }

    /** Log records recovery found after the last checkpoint at open. */
    public long recoveredRecords() {
        return recovery.records();
    }

    /** Log records recovery re-applied at open. */
    public long redoneRecords() {
        return redoneRecords;
    }

    /** Transactions recovery rolled back at open. */
    public int rolledBackAtOpen() {
        return recovery.losers().size();
    }

    /**
     * Takes a final checkpoint (unless the log has failed: then the next open recovers), stops the checkpointer,
     * and closes the storage and the log. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        checkpointer.close();
        if (wal.failure() == null && !storage.isInMemory()) {
            try {
                checkpointer.checkpoint();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        try (CurrentLog.Scope none = CurrentLog.enter(null)) {
            storage.close();
        } catch (RuntimeException e) {
            failure = failure == null ? e : failure;
        }
        try {
            wal.close();
        } catch (RuntimeException e) {
            failure = failure == null ? e : failure;
        }
        if (failure != null) {
            throw failure instanceof DbException ? failure : DbException.internal(failure.toString());
        }
    }
}
