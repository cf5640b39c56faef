package io.rustydb.storage.wal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A compensation log record (CLR): the redo-only record of a change that undid an earlier one. Its payload wraps
 * the compensating change as a record of its own type, plus where the undo of its transaction continues:
 * <pre>
 *  0       1               9
 *  +-------+---------------+------------------------------+
 *  | inner | undo next lsn | inner record's payload       |
 *  | type  | i64           |                              |
 *  +-------+---------------+------------------------------+
 * </pre>
 * Redo applies the inner change; undo never undoes a CLR, it continues at {@code undo next lsn} (ARIES), so a
 * rollback interrupted by a crash is never undone twice.
 */
public final class Compensation {
    public static final int INNER_TYPE_OFFSET = 0;
    public static final int UNDO_NEXT_OFFSET = 1;
    public static final int INNER_PAYLOAD_OFFSET = 9;

    private Compensation() {
    }

    public static byte[] wrap(int innerType, long undoNextLsn, byte[] innerPayload) {
        ByteBuffer b = ByteBuffer.allocate(INNER_PAYLOAD_OFFSET + innerPayload.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(INNER_TYPE_OFFSET, (byte) innerType);
        b.putLong(UNDO_NEXT_OFFSET, undoNextLsn);
        b.put(INNER_PAYLOAD_OFFSET, innerPayload);
        return b.array();
    }

    public static long undoNextLsn(LogRecord clr) {
        return clr.payloadBuffer().getLong(UNDO_NEXT_OFFSET);
    }

    /** The compensating change as a record of its own type, at the CLR's LSN. */
    public static LogRecord inner(LogRecord clr) {
        byte[] p = clr.payload();
        byte[] inner = new byte[p.length - INNER_PAYLOAD_OFFSET];
        System.arraycopy(p, INNER_PAYLOAD_OFFSET, inner, 0, inner.length);
        return new LogRecord(clr.lsn(), Byte.toUnsignedInt(p[INNER_TYPE_OFFSET]), clr.txnId(), clr.prevLsn(), inner,
                clr.length());
    }

    /**
     * Appends a change record for {@code context}: a plain record of {@code type}, or a CLR wrapping it when the
     * context is undoing. Updates the context's last LSN and returns the record's LSN.
     */
    public static long log(WriteAheadLog wal, LogContext context, int type, byte[] payload) {
        long lsn;
        if (context.undoNextLsn() >= 0) {
            lsn = wal.append(WalRecordTypes.COMPENSATION, context.txnId(), context.lastLsn(),
                    wrap(type, context.undoNextLsn(), payload));
        } else {
            lsn = wal.append(type, context.txnId(), context.lastLsn(), payload);
        }
        context.logged(lsn);
        return lsn;
    }
}
