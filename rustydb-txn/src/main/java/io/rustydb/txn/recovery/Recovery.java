package io.rustydb.txn.recovery;

import io.rustydb.core.DbException;
import io.rustydb.storage.wal.Compensation;
import io.rustydb.storage.wal.LogContext;
import io.rustydb.storage.wal.LogRecord;
import io.rustydb.storage.wal.LogScanner;
import io.rustydb.storage.wal.LogStore;
import io.rustydb.storage.wal.RecordHandlers;
import io.rustydb.storage.wal.WalRecordTypes;
import io.rustydb.storage.wal.WriteAheadLog;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Crash recovery in the three phases of ARIES (Mohan et al., 1992), run when a database opens:
 * <ol>
 *   <li><b>Analysis</b> reads the log from the last checkpoint to its end: which transactions never ended (the
 *       losers) and where each one's last record is; the end of the log is where the records stop being valid (a
 *       torn tail is cut off there).</li>
 *   <li><b>Redo</b> repeats history from the checkpoint's redo point: every record is re-applied to pages that do
 *       not have it yet (page LSN below the record's), losers' records and compensation records included.</li>
 *   <li><b>Undo</b> rolls the losers back, newest record first across all of them, logging a compensation record
 *       for each undone change (so a crash during recovery never undoes anything twice), then an ABORT each.</li>
 * </ol>
 * Opening after a crash needs no user action; recovery time is bounded by the log written since the last
 * checkpoint.
 */
public final class Recovery {
    private Recovery() {
    }

    /** What analysis found. */
    public static final class Analysis {
        long redoLsn;
        long endLsn;
        long nextTxnId = 1;
        long records;
        final Map<Long, Long> losers = new HashMap<>();
        final Map<Long, Long> loserFirstLsn = new HashMap<>();

        public long redoLsn() {
            return redoLsn;
        }

        /** Where the next record goes: the log's valid end. */
        public long endLsn() {
            return endLsn;
        }

        public long nextTxnId() {
            return nextTxnId;
        }

        public long records() {
            return records;
        }

        /** The transactions to roll back: id to last LSN. */
        public Map<Long, Long> losers() {
            return Map.copyOf(losers);
        }
    }

    /**
     * Analysis: scans from {@code checkpointLsn} (0 = from the log's first record) to the end, then cuts off
     * anything after the last valid record so that new records follow it.
     */
    public static Analysis analyze(LogStore store, long checkpointLsn, String name) {
        Analysis a = new Analysis();
        long start = checkpointLsn > 0 ? checkpointLsn : store.firstLsn();
        a.redoLsn = start;
        LogScanner scanner = new LogScanner(store, start);
        LogRecord record;
        boolean first = true;
        while ((record = scanner.next()) != null) {
            if (first && checkpointLsn > 0) {
                if (record.lsn() != checkpointLsn || record.type() != WalRecordTypes.CHECKPOINT) {
                    throw DbException.corruption(name, -1, "the checkpoint record at log position " + checkpointLsn
                            + " is missing");
                }
            }
            first = false;
            a.records++;
            if (record.type() == WalRecordTypes.CHECKPOINT) {
                CheckpointRecord cp = CheckpointRecord.decode(record.payload());
                if (record.lsn() == checkpointLsn) {
                    a.redoLsn = cp.redoLsn();
                    for (CheckpointRecord.ActiveTxn t : cp.active()) {
                        a.losers.put(t.txnId(), t.lastLsn());
                        a.loserFirstLsn.put(t.txnId(), t.firstLsn());
                    }
                }
                a.nextTxnId = Math.max(a.nextTxnId, cp.nextTxnId());
                continue;
            }
            long txn = record.txnId();
            if (txn != 0) {
                a.nextTxnId = Math.max(a.nextTxnId, txn + 1);
                if (record.type() == WalRecordTypes.TXN_COMMIT || record.type() == WalRecordTypes.TXN_ABORT
                        || record.type() == WalRecordTypes.TXN_END) {
                    a.losers.remove(txn);
                    a.loserFirstLsn.remove(txn);
                } else {
                    a.losers.put(txn, record.lsn());
                    a.loserFirstLsn.putIfAbsent(txn, record.lsn());
                }
            }
        }
        if (checkpointLsn > 0 && first) {
            throw DbException.corruption(name, -1, "the checkpoint record at log position " + checkpointLsn
                    + " is missing");
        }
        a.endLsn = scanner.endLsn();
        store.truncateFrom(a.endLsn);
        return a;
    }

    /** Redo: repeats history from the redo point to the end of the log. Returns the number of records applied. */
    public static long redo(LogStore store, Analysis a, RecordHandlers handlers, String name) {
        LogScanner scanner = new LogScanner(store, a.redoLsn);
        LogRecord record;
        long n = 0;
        while ((record = scanner.next()) != null && record.lsn() < a.endLsn) {
            LogRecord change = record.type() == WalRecordTypes.COMPENSATION ? Compensation.inner(record) : record;
            if (isTransactionRecord(change.type())) {
                continue;
            }
            handlers.get(change.type(), name).redo(change);
            n++;
        }
        return n;
    }

    /** Undo: rolls back every loser (newest record first across all of them) and logs an ABORT for each. */
    public static void undo(WriteAheadLog wal, Analysis a, RecordHandlers handlers, String name) {
        PriorityQueue<long[]> next = new PriorityQueue<>((x, y) -> Long.compare(y[1], x[1]));
        Map<Long, long[]> lastLsn = new HashMap<>();
        for (Map.Entry<Long, Long> e : a.losers.entrySet()) {
            long[] entry = {e.getKey(), e.getValue()};
            next.add(entry);
            lastLsn.put(e.getKey(), new long[] {e.getValue()});
        }
        while (!next.isEmpty()) {
            long[] entry = next.poll();
            long txn = entry[0];
            long lsn = entry[1];
            if (lsn <= 0) {
                long abort = wal.append(WalRecordTypes.TXN_ABORT, txn, lastLsn.get(txn)[0], new byte[0]);
                lastLsn.get(txn)[0] = abort;
                continue;
            }
            LogRecord record = wal.read(lsn);
            if (record == null) {
                throw DbException.corruption(name, -1, "log record " + lsn + " of transaction " + txn
                        + " is missing: cannot roll it back");
            }
            long following;
            if (record.type() == WalRecordTypes.COMPENSATION) {
                following = Compensation.undoNextLsn(record);
            } else if (isTransactionRecord(record.type())) {
                following = record.prevLsn();
            } else {
                following = record.prevLsn();
                long[] last = lastLsn.get(txn);
                handlers.get(record.type(), name).undo(record, new LogContext() {
                    @Override
                    public long txnId() {
                        return txn;
                    }

                    @Override
                    public long lastLsn() {
                        return last[0];
                    }

                    @Override
                    public void logged(long l) {
                        last[0] = l;
                    }

                    @Override
                    public long undoNextLsn() {
                        return following;
                    }
                });
            }
            next.add(new long[] {txn, following});
        }
    }

    static boolean isTransactionRecord(int type) {
        return type == WalRecordTypes.TXN_COMMIT || type == WalRecordTypes.TXN_ABORT || type == WalRecordTypes.TXN_END
                || type == WalRecordTypes.CHECKPOINT;
    }
}
