package io.rustydb.storage.wal;

import io.rustydb.storage.file.DatabaseHeader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The payload of a HEADER_STATE record: the file's allocation state after a change, as absolute values, so that
 * replaying the records in log order leaves the header as it was at the end of the log.
 * <pre>
 *  0            4                8                12
 *  +------------+----------------+----------------+---------------------------+
 *  | page count | free-list head | free pages     | root pages 8 x i32        |
 *  +------------+----------------+----------------+---------------------------+
 * </pre>
 */
public final class HeaderState {
    public static final int SIZE = 12 + 4 * DatabaseHeader.ROOT_SLOTS;

    private HeaderState() {
    }

    static byte[] encode(DatabaseHeader header, int pageCount) {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        synchronized (header) {
            b.putInt(pageCount).putInt(header.freeListHead()).putInt(header.freePageCount());
            for (int i = 0; i < DatabaseHeader.ROOT_SLOTS; i++) {
                b.putInt(header.rootPage(i));
            }
        }
        return b.array();
    }

    /** The page count recorded in {@code payload}. */
    static int pageCount(byte[] payload) {
        return ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
    }

    /** Applies the recorded free list and root slots to {@code header}. */
    static void apply(byte[] payload, DatabaseHeader header) {
        ByteBuffer b = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
        b.getInt();
        synchronized (header) {
            header.setFreeListHead(b.getInt());
            header.setFreePageCount(b.getInt());
            for (int i = 0; i < DatabaseHeader.ROOT_SLOTS; i++) {
                header.setRootPage(i, b.getInt());
            }
        }
    }
}
