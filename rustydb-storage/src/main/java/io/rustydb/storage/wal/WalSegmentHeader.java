package io.rustydb.storage.wal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The header at the start of every WAL segment file (little-endian):
 * <pre>
 *  0               8       12      16              24      28                          64
 *  +---------------+-------+-------+---------------+-------+---------------------------+
 *  | magic         | ver   | seg   | segment       | crc   | reserved (zero)           |
 *  | "RustyWAL"    | u32=1 | size  | number i64    | u32   |                           |
 *  +---------------+-------+-------+---------------+-------+---------------------------+
 * </pre>
 * {@code crc} is CRC32C of bytes {@code [0, 24)}. Segment {@code n} holds LSNs {@code [n * size, (n + 1) * size)}.
 */
public final class WalSegmentHeader {
    public static final byte[] MAGIC = "RustyWAL".getBytes(StandardCharsets.US_ASCII);
    public static final int VERSION = 1;
    public static final int MAGIC_OFFSET = 0;
    public static final int VERSION_OFFSET = 8;
    public static final int SEGMENT_SIZE_OFFSET = 12;
    public static final int SEGMENT_NUMBER_OFFSET = 16;
    public static final int CRC_OFFSET = 24;
    public static final int SIZE = 64;

    private WalSegmentHeader() {
    }

    static byte[] encode(int segmentSize, long segmentNumber) {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC_OFFSET, MAGIC);
        b.putInt(VERSION_OFFSET, VERSION);
        b.putInt(SEGMENT_SIZE_OFFSET, segmentSize);
        b.putLong(SEGMENT_NUMBER_OFFSET, segmentNumber);
        b.putInt(CRC_OFFSET, crc(b.array()));
        return b.array();
    }

    /** Null if {@code header} is a valid header of segment {@code segmentNumber}, else what is wrong with it. */
    static String check(byte[] header, int segmentSize, long segmentNumber) {
        ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < MAGIC.length; i++) {
            if (header[i] != MAGIC[i]) {
                return "not a RustyDB WAL segment (bad magic)";
            }
        }
        if (b.getInt(CRC_OFFSET) != crc(header)) {
            return "segment header checksum mismatch";
        }
        if (b.getInt(VERSION_OFFSET) != VERSION) {
            return "unsupported WAL version " + b.getInt(VERSION_OFFSET);
        }
        if (b.getInt(SEGMENT_SIZE_OFFSET) != segmentSize) {
            return "segment size " + b.getInt(SEGMENT_SIZE_OFFSET) + " where " + segmentSize + " was expected";
        }
        if (b.getLong(SEGMENT_NUMBER_OFFSET) != segmentNumber) {
            return "segment number " + b.getLong(SEGMENT_NUMBER_OFFSET) + " in the file of segment " + segmentNumber;
        }
        return null;
    }

    private static int crc(byte[] header) {
        CRC32C crc = new CRC32C();
        crc.update(header, 0, CRC_OFFSET);
        return (int) crc.getValue();
    }
}
