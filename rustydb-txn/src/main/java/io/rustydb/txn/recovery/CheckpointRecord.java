package io.rustydb.txn.recovery;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The payload of a CHECKPOINT log record:
 * <pre>
 *  0           8             16     20
 *  +-----------+-------------+------+---------------------------------------------+
 *  | redo lsn  | next txn id | n    | n x (txn id i64, last lsn i64, first lsn i64) |
 *  +-----------+-------------+------+---------------------------------------------+
 * </pre>
 * {@code redo lsn}: every change logged before it was on disk when the checkpoint was taken, so redo starts there.
 * The list: the transactions active at the checkpoint, which recovery must roll back unless they end later.
 */
public record CheckpointRecord(long redoLsn, long nextTxnId, List<ActiveTxn> active) {
    /** A transaction active at the checkpoint. */
    public record ActiveTxn(long txnId, long lastLsn, long firstLsn) {
    }

    public CheckpointRecord {
        active = List.copyOf(active);
    }

    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(20 + active.size() * 24).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(redoLsn).putLong(nextTxnId).putInt(active.size());
        for (ActiveTxn t : active) {
            b.putLong(t.txnId).putLong(t.lastLsn).putLong(t.firstLsn);
        }
        return b.array();
    }

    public static CheckpointRecord decode(byte[] payload) {
        ByteBuffer b = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
        long redo = b.getLong();
        long next = b.getLong();
        int n = b.getInt();
        List<ActiveTxn> active = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            active.add(new ActiveTxn(b.getLong(), b.getLong(), b.getLong()));
        }
        return new CheckpointRecord(redo, next, active);
    }
}
