package io.rustydb.storage.wal;

import io.rustydb.storage.page.PageDelta;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Slot-level ("physiological") undo of a change to one tuple: what a TUPLE_DELTA record carries besides the page
 * delta that redoes it. Undo by byte ranges is wrong once several transactions change one page (another
 * transaction's insert or a compaction moves the bytes), so every transactional tuple change is undone by slot:
 * <ul>
 *   <li>{@link #INSERTED}: the slot is freed again;</li>
 *   <li>{@link #PATCHED}: {@code old bytes} are written back at {@code offset} inside the tuple (an MVCC header
 *       field, say), wherever compaction has moved the tuple since;</li>
 *   <li>{@link #DELETED}: the tuple ({@code old bytes}, with its slot flags) is put back in the same slot.</li>
 * </ul>
 * The heap announces the change with {@link #announce} just before it closes the page's write guard; the page log
 * {@linkplain #take takes} it when it logs that guard's change. Payload of a TUPLE_DELTA record:
 * <pre>
 *  0      1          3          5          7          9
 *  +------+----------+----------+----------+----------+-----------------+--------------------------+
 *  | kind | slot u16 | flags u16| offset   | old len  | old bytes       | page delta (redo)        |
 *  | u8   |          |          | u16      | u16      |                 | {@link PageDelta} format |
 *  +------+----------+----------+----------+----------+-----------------+--------------------------+
 * </pre>
 */
public final class TupleChange {
    public static final int INSERTED = 1;
    public static final int PATCHED = 2;
    public static final int DELETED = 3;

    static final int KIND_OFFSET = 0;
    static final int SLOT_OFFSET = 1;
    static final int FLAGS_OFFSET = 3;
    static final int TUPLE_OFFSET_OFFSET = 5;
    static final int OLD_LENGTH_OFFSET = 7;
    static final int OLD_BYTES_OFFSET = 9;

    private static final ThreadLocal<TupleChange> PENDING = new ThreadLocal<>();

    private final int pageNo;
    private final int kind;
    private final int slot;
    private final int flags;
    private final int offset;
    private final byte[] oldBytes;

    private TupleChange(int pageNo, int kind, int slot, int flags, int offset, byte[] oldBytes) {
        this.pageNo = pageNo;
        this.kind = kind;
        this.slot = slot;
        this.flags = flags;
        this.offset = offset;
        this.oldBytes = oldBytes;
    }

    /** Announces the change the current thread's open write guard on {@code pageNo} makes to {@code slot}. */
    public static void announce(int pageNo, int kind, int slot, int flags, int offset, byte[] oldBytes) {
        PENDING.set(new TupleChange(pageNo, kind, slot, flags, offset, oldBytes == null ? new byte[0] : oldBytes));
    }

    /** Forgets an announcement that was not logged (the guard changed nothing, or failed). */
    public static void clear() {
        PENDING.remove();
    }

    /** The announced change of {@code pageNo}, removed from the thread; null if none. */
    static TupleChange take(int pageNo) {
        TupleChange c = PENDING.get();
        if (c == null) {
            return null;
        }
        PENDING.remove();
        return c.pageNo == pageNo ? c : null;
    }

    byte[] payload(byte[] delta) {
        ByteBuffer b = ByteBuffer.allocate(OLD_BYTES_OFFSET + oldBytes.length + delta.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) kind).putShort((short) slot).putShort((short) flags).putShort((short) offset)
                .putShort((short) oldBytes.length).put(oldBytes).put(delta);
        return b.array();
    }

    /** The page delta (redo part) of a TUPLE_DELTA payload. */
    public static byte[] delta(byte[] payload) {
        int start = OLD_BYTES_OFFSET + oldLength(payload);
        byte[] out = new byte[payload.length - start];
        System.arraycopy(payload, start, out, 0, out.length);
        return out;
    }

    public static int kind(byte[] payload) {
        return payload[KIND_OFFSET];
    }

    public static int slot(byte[] payload) {
        return Short.toUnsignedInt(ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN).getShort(SLOT_OFFSET));
    }

    public static int flags(byte[] payload) {
        return Short.toUnsignedInt(ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN).getShort(FLAGS_OFFSET));
    }

    public static int tupleOffset(byte[] payload) {
        return Short.toUnsignedInt(ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN)
                .getShort(TUPLE_OFFSET_OFFSET));
    }

    private static int oldLength(byte[] payload) {
        return Short.toUnsignedInt(ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN)
                .getShort(OLD_LENGTH_OFFSET));
    }

    public static byte[] oldBytes(byte[] payload) {
        byte[] out = new byte[oldLength(payload)];
        System.arraycopy(payload, OLD_BYTES_OFFSET, out, 0, out.length);
        return out;
    }
}
