package io.rustydb.storage.wal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The layout of one write-ahead log record (little-endian):
 * <pre>
 *  0       4       8               16     17     18      20              28              36
 *  +-------+-------+---------------+------+------+-------+---------------+---------------+-----------+
 *  | len   | crc   | lsn           | type | flags| rsvd  | txn id        | prev lsn      | payload   |
 *  | u32   | u32   | i64           | u8   | u8   | u16   | i64           | i64           | len - 36  |
 *  +-------+-------+---------------+------+------+-------+---------------+---------------+-----------+
 * </pre>
 * {@code len} is the whole record, header included; {@code crc} is CRC32C of bytes {@code [8, len)}; {@code lsn}
 * is the record's own position in the log, so a stale record left in a file from an earlier life cannot pass for a
 * current one; {@code prev lsn} links the records of one transaction backwards (0 = first) for undo. A length of 0
 * where a record should start means "no more records in this segment".
 */
public final class WalRecordLayout {
    public static final int LENGTH_OFFSET = 0;
    public static final int CRC_OFFSET = 4;
    public static final int LSN_OFFSET = 8;
    public static final int TYPE_OFFSET = 16;
    public static final int FLAGS_OFFSET = 17;
    public static final int TXN_OFFSET = 20;
    public static final int PREV_LSN_OFFSET = 28;
    public static final int HEADER_SIZE = 36;

    private WalRecordLayout() {
    }

    /** Encodes a record at {@code lsn} into a new array. */
    public static byte[] encode(long lsn, int type, long txnId, long prevLsn, byte[] payload) {
        int length = HEADER_SIZE + payload.length;
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(LENGTH_OFFSET, length);
        b.putLong(LSN_OFFSET, lsn);
        b.put(TYPE_OFFSET, (byte) type);
        b.putLong(TXN_OFFSET, txnId);
        b.putLong(PREV_LSN_OFFSET, prevLsn);
        b.put(HEADER_SIZE, payload);
        b.putInt(CRC_OFFSET, crc(b.array(), 0, length));
        return b.array();
    }

    /** CRC32C of a record's bytes after the crc field. */
    public static int crc(byte[] record, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(record, offset + LSN_OFFSET, length - LSN_OFFSET);
        return (int) crc.getValue();
    }

    /**
     * Decodes the record at {@code offset} of {@code bytes} (whose first byte is at log position {@code lsn}), or
     * returns null when there is no valid record there: a zero or impossible length, a checksum mismatch or a
     * stored LSN that is not {@code lsn}. {@code limit} is the end of the readable bytes.
     */
    public static LogRecord decode(byte[] bytes, int offset, int limit, long lsn) {
        if (limit - offset < HEADER_SIZE) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int length = b.getInt(offset + LENGTH_OFFSET);
        if (length < HEADER_SIZE || length > limit - offset) {
            return null;
        }
        if (b.getLong(offset + LSN_OFFSET) != lsn) {
            return null;
        }
        if (b.getInt(offset + CRC_OFFSET) != crc(bytes, offset, length)) {
            return null;
        }
        byte[] payload = new byte[length - HEADER_SIZE];
        System.arraycopy(bytes, offset + HEADER_SIZE, payload, 0, payload.length);
        return new LogRecord(lsn, Byte.toUnsignedInt(b.get(offset + TYPE_OFFSET)), b.getLong(offset + TXN_OFFSET),
                b.getLong(offset + PREV_LSN_OFFSET), payload, length);
    }
}
