package io.rustydb.storage.wal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The payload of a MULTI_PAGE_DELTA record: the page deltas of one {@link
 * io.rustydb.storage.buffer.AtomicPageChange}, each in the {@link io.rustydb.storage.page.PageDelta} format
 * (which names its page):
 * <pre>
 *  0          4
 *  +----------+-----------------------------------------+
 *  | count    | count x ( length i32 | page delta )     |
 *  | i32      |                                         |
 *  +----------+-----------------------------------------+
 * </pre>
 */
public final class MultiPageDelta {
    private MultiPageDelta() {
    }

    static byte[] encode(List<byte[]> deltas) {
        int size = 4;
        for (byte[] d : deltas) {
            size += 4 + d.length;
        }
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(deltas.size());
        for (byte[] d : deltas) {
            b.putInt(d.length).put(d);
        }
        return b.array();
    }

    /** The page deltas of {@code payload}, in the order they were logged. */
    public static List<byte[]> decode(byte[] payload) {
        ByteBuffer b = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
        int count = b.getInt();
        List<byte[]> deltas = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] d = new byte[b.getInt()];
            b.get(d);
            deltas.add(d);
        }
        return deltas;
    }
}
