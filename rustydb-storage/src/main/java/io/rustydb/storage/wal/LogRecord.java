package io.rustydb.storage.wal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One decoded write-ahead log record. The payload's format belongs to the module that defined {@link #type()}
 * (see {@link WalRecordTypes}).
 *
 * @param length the record's encoded size; the next record starts at {@code lsn + length} (or in the next segment)
 */
public record LogRecord(long lsn, int type, long txnId, long prevLsn, byte[] payload, int length) {
    /** A little-endian view of the payload for reading its fields. */
    public ByteBuffer payloadBuffer() {
        return ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public String toString() {
        return "LogRecord[lsn=" + lsn + ", type=" + WalRecordTypes.name(type) + ", txn=" + txnId + ", prev=" + prevLsn
                + ", payload=" + payload.length + "B]";
    }
}
