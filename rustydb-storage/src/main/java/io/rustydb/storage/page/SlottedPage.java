package io.rustydb.storage.page;

import java.nio.ByteBuffer;

/**
 * Flyweight over a slotted page: variable-length tuples addressed by a stable slot number.
 *
 * <pre>
 *  offset size field (after the 64-byte {@link PageHeader})
 *  +-----+----+-------------------------------------------------------------+
 *  |  64 |  2 | slot count        number of slot entries (live or free)      |
 *  |  66 |  2 | fragmented bytes  garbage inside the tuple area              |
 *  |  68 |  4 | free end          start of the tuple area (grows down)       |
 *  |  72 | 24 | aux area          owned by the page type (e.g. heap fields)  |
 *  +-----+----+-------------------------------------------------------------+
 *  |  96 | 4n | slot directory: n entries of 4 bytes, growing up             |
 *  |     |    | ... free space ...                                           |
 *  | end |    | tuples, packed towards the end of the page, growing down     |
 *  +-----+----+-------------------------------------------------------------+
 *
 *  slot entry (4 bytes)
 *  +-------------------------------+----------------+
 *  | u16 offset | flags (low 2 bits)| u16 length     |
 *  +-------------------------------+----------------+
 *   offset is relative to the page start, always a multiple of 4 (so the low 2 bits hold flags);
 *   an all-zero entry is a free slot (no tuple can start at offset 0, the header is there).
 *   flags: 0 = NORMAL tuple, 1 = REDIRECT (tuple is a forward pointer), 2 = MOVED (tuple relocated here).
 * </pre>
 *
 * Space rules: a tuple of length {@code L} occupies {@link #allocationSize(int) max(8, L rounded up to 4)} bytes, so
 * every slot can always be turned into an 8-byte forward pointer in place. Deleting a tuple frees its slot (reused
 * by later inserts) and counts its bytes as fragmented; when an insert or a growing update does not fit the
 * contiguous free space but fits the total, the page is {@link #compact() compacted}. Deleted bytes stay in the
 * page until compaction overwrites them.
 *
 * <p>All integers little-endian. The flyweight is not thread-safe: hold the page's latch (a page guard) while
 * using it. {@link #wrap} re-points it without allocating.
 */
public final class SlottedPage {
    public static final int SLOT_COUNT_OFFSET = PageHeader.SIZE;       // 64
    public static final int FRAGMENTED_OFFSET = PageHeader.SIZE + 2;   // 66
    public static final int FREE_END_OFFSET = PageHeader.SIZE + 4;     // 68
    public static final int AUX_OFFSET = PageHeader.SIZE + 8;          // 72
    public static final int AUX_LENGTH = 24;
    /** Start of the slot directory. */
    public static final int HEADER_SIZE = AUX_OFFSET + AUX_LENGTH;     // 96
    public static final int SLOT_SIZE = 4;
    public static final int MIN_ALLOCATION = 8;
    public static final int ALIGNMENT = 4;

    public static final int FLAG_NORMAL = 0;
    public static final int FLAG_REDIRECT = 1;
    public static final int FLAG_MOVED = 2;
    private static final int FLAG_MASK = 3;

    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[65536]);

    private ByteBuffer buf;
    private int base;
    private int pageSize;

    /** Points this flyweight at the page at {@code base} of {@code buf}; returns {@code this}. */
    public SlottedPage wrap(ByteBuffer buf, int base, int pageSize) {
        this.buf = buf;
        this.base = base;
        this.pageSize = pageSize;
        return this;
    }

    public ByteBuffer buffer() {
        return buf;
    }

    public int base() {
        return base;
    }

    public int pageSize() {
        return pageSize;
    }

    /** Formats the wrapped memory as an empty slotted page (zeroing it). */
    public void init(int pageNo, PageType type) {
        PageHeader.format(buf, base, pageSize, pageNo, type);
        buf.putShort(base + SLOT_COUNT_OFFSET, (short) 0);
        buf.putShort(base + FRAGMENTED_OFFSET, (short) 0);
        buf.putInt(base + FREE_END_OFFSET, pageSize);
    }

    /** Bytes a tuple of {@code length} occupies in the tuple area. */
    public static int allocationSize(int length) {
        return Math.max(MIN_ALLOCATION, (length + ALIGNMENT - 1) & -ALIGNMENT);
    }

    /** The largest tuple an empty page of {@code pageSize} can hold. */
    public static int maxTupleLength(int pageSize) {
        return (pageSize - HEADER_SIZE - SLOT_SIZE) & -ALIGNMENT;
    }

    // ---------------------------------------------------------------- header fields

    public int pageNo() {
        return PageHeader.pageNo(buf, base);
    }

    public PageType pageType() {
        return PageHeader.type(buf, base);
    }

    public long lsn() {
        return PageHeader.lsn(buf, base);
    }

    public void setLsn(long lsn) {
        PageHeader.setLsn(buf, base, lsn);
    }

    public int nextPageNo() {
        return PageHeader.nextPage(buf, base);
    }

    public void setNextPageNo(int next) {
        PageHeader.setNextPage(buf, base, next);
    }

    public int slotCount() {
        return buf.getShort(base + SLOT_COUNT_OFFSET) & 0xFFFF;
    }

    private void setSlotCount(int n) {
        buf.putShort(base + SLOT_COUNT_OFFSET, (short) n);
    }

    public int fragmentedBytes() {
        return buf.getShort(base + FRAGMENTED_OFFSET) & 0xFFFF;
    }

    private void setFragmentedBytes(int n) {
        buf.putShort(base + FRAGMENTED_OFFSET, (short) n);
    }

    /** Page-relative start of the tuple area. */
    public int freeEnd() {
        return buf.getInt(base + FREE_END_OFFSET);
    }

    private void setFreeEnd(int v) {
        buf.putInt(base + FREE_END_OFFSET, v);
    }

    private int slotDirEnd() {
        return HEADER_SIZE + SLOT_SIZE * slotCount();
    }

    /** Contiguous free bytes between the slot directory and the tuple area. */
    public int contiguousFreeSpace() {
        return freeEnd() - slotDirEnd();
    }

    /** Free bytes after a compaction (contiguous + fragmented). */
    public int totalFreeSpace() {
        return contiguousFreeSpace() + fragmentedBytes();
    }

    public int getAuxInt(int auxOffset) {
        return buf.getInt(base + auxOffset);
    }

    public void putAuxInt(int auxOffset, int v) {
        buf.putInt(base + auxOffset, v);
    }

    public long getAuxLong(int auxOffset) {
        return buf.getLong(base + auxOffset);
    }

    public void putAuxLong(int auxOffset, long v) {
        buf.putLong(base + auxOffset, v);
    }

    // ---------------------------------------------------------------- slots

    private int slotPos(int slot) {
        return base + HEADER_SIZE + SLOT_SIZE * slot;
    }

    private int rawOffset(int slot) {
        return buf.getShort(slotPos(slot)) & 0xFFFF;
    }

    /** True if {@code slot} exists and holds a tuple (of any flag). */
    public boolean isLive(int slot) {
        return slot >= 0 && slot < slotCount() && rawOffset(slot) != 0;
    }

    /** The slot's flags ({@link #FLAG_NORMAL}, {@link #FLAG_REDIRECT}, {@link #FLAG_MOVED}); slot must be live. */
    public int flags(int slot) {
        return rawOffset(slot) & FLAG_MASK;
    }

    /** Absolute offset (in {@link #buffer()}) of the tuple in {@code slot}. */
    public int tupleOffset(int slot) {
        return base + (rawOffset(slot) & ~FLAG_MASK);
    }

    public int tupleLength(int slot) {
        return buf.getShort(slotPos(slot) + 2) & 0xFFFF;
    }

    private void setSlot(int slot, int pageRelOffset, int flags, int length) {
        int p = slotPos(slot);
        buf.putShort(p, (short) (pageRelOffset | flags));
        buf.putShort(p + 2, (short) length);
    }

    private int findFreeSlot() {
        int n = slotCount();
        for (int i = 0; i < n; i++) {
            if (rawOffset(i) == 0) {
                return i;
            }
        }
        return -1;
    }

    /** True if a new tuple of {@code length} bytes fits (possibly after compaction). */
    public boolean canInsert(int length) {
        int need = allocationSize(length) + (findFreeSlot() < 0 ? SLOT_SIZE : 0);
        return need <= totalFreeSpace();
    }

    /**
     * Reserves space for a tuple of {@code length} bytes with {@code flags}, reusing a free slot if there is one.
     *
     * @return the slot, or -1 if the tuple does not fit; the tuple's bytes are undefined until written at
     *     {@link #tupleOffset(int)}
     */
    public int allocate(int length, int flags) {
        if (length < 0 || length > maxTupleLength(pageSize)) {
            return -1;
        }
        int alloc = allocationSize(length);
        int slot = findFreeSlot();
        int need = alloc + (slot < 0 ? SLOT_SIZE : 0);
        if (need > totalFreeSpace()) {
            return -1;
        }
        if (need > contiguousFreeSpace()) {
            compact();
        }
        if (slot < 0) {
            slot = slotCount();
            setSlotCount(slot + 1);
        }
        int off = freeEnd() - alloc;
        setFreeEnd(off);
        setSlot(slot, off, flags, length);
        return slot;
    }

    /**
     * Reserves space for a tuple of {@code length} bytes in the given free {@code slot} (the slot directory grows if
     * the slot lies beyond it): how undo puts a deleted tuple back where its row id says it is.
     *
     * @return false (and the page unchanged) if the slot is live or the tuple does not fit
     */
    public boolean restore(int slot, int length, int flags) {
        if (slot < 0 || isLive(slot) || length < 0 || length > maxTupleLength(pageSize)) {
            return false;
        }
        int n = slotCount();
        int alloc = allocationSize(length);
        int need = alloc + (slot >= n ? SLOT_SIZE * (slot + 1 - n) : 0);
        if (need > totalFreeSpace()) {
            return false;
        }
        if (need > contiguousFreeSpace()) {
            compact();
        }
        for (int i = n; i <= slot; i++) {
            setSlotCount(i + 1);
            setSlot(i, 0, 0, 0);
        }
        int off = freeEnd() - alloc;
        setFreeEnd(off);
        setSlot(slot, off, flags, length);
        return true;
    }

    /** Inserts {@code data} as a normal tuple; returns the slot or -1 if it does not fit. */
    public int insert(byte[] data) {
        int slot = allocate(data.length, FLAG_NORMAL);
        if (slot >= 0) {
            buf.put(tupleOffset(slot), data, 0, data.length);
        }
        return slot;
    }

    /** Copies the tuple of {@code slot} into a new array. */
    public byte[] read(int slot) {
        byte[] out = new byte[tupleLength(slot)];
        buf.get(tupleOffset(slot), out, 0, out.length);
        return out;
    }

    /** Frees {@code slot}: its bytes become fragmented space and the slot can be reused. */
    public void delete(int slot) {
        int alloc = allocationSize(tupleLength(slot));
        int off = rawOffset(slot) & ~FLAG_MASK;
        setSlot(slot, 0, 0, 0);
        if (off == freeEnd()) {
            setFreeEnd(off + alloc);
        } else {
            setFragmentedBytes(fragmentedBytes() + alloc);
        }
        int n = slotCount();
        while (n > 0 && rawOffset(n - 1) == 0) {
            n--;
        }
        setSlotCount(n);
    }

    /**
     * Resizes the tuple of live {@code slot} to {@code newLength} with {@code newFlags}, in place if possible,
     * else elsewhere in the page (compacting if needed). The old bytes are not preserved: the caller writes the new
     * tuple at {@link #tupleOffset(int)} afterwards.
     *
     * @return false (and the page unchanged) if the new size does not fit in this page
     */
    public boolean reallocate(int slot, int newLength, int newFlags) {
        if (newLength < 0 || newLength > maxTupleLength(pageSize)) {
            return false;
        }
        int oldAlloc = allocationSize(tupleLength(slot));
        int newAlloc = allocationSize(newLength);
        int off = rawOffset(slot) & ~FLAG_MASK;
        if (newAlloc <= oldAlloc) {
            setSlot(slot, off, newFlags, newLength);
            int freed = oldAlloc - newAlloc;
            if (freed > 0) {
                if (off == freeEnd()) {
                    // the tuple is first in the tuple area: keep it at the end of its old space, grow the gap
                    int newOff = off + freed;
                    setSlot(slot, newOff, newFlags, newLength);
                    setFreeEnd(newOff);
                } else {
                    setFragmentedBytes(fragmentedBytes() + freed);
                }
            }
            return true;
        }
        if (newAlloc - oldAlloc > totalFreeSpace()) {
            return false;
        }
        // release the old space, then allocate anew
        setSlot(slot, 0, 0, 0);
        if (off == freeEnd()) {
            setFreeEnd(off + oldAlloc);
        } else {
            setFragmentedBytes(fragmentedBytes() + oldAlloc);
        }
        if (newAlloc > contiguousFreeSpace()) {
            compact();
        }
        int newOff = freeEnd() - newAlloc;
        setFreeEnd(newOff);
        setSlot(slot, newOff, newFlags, newLength);
        return true;
    }

    /** Packs all live tuples at the end of the page, leaving no fragmented bytes; slot numbers do not change. */
    public void compact() {
        int oldEnd = freeEnd();
        int areaLen = pageSize - oldEnd;
        byte[] scratch = SCRATCH.get();
        buf.get(base + oldEnd, scratch, 0, areaLen);
        int end = pageSize;
        int n = slotCount();
        for (int i = 0; i < n; i++) {
            int raw = rawOffset(i);
            if (raw == 0) {
                continue;
            }
            int len = tupleLength(i);
            int alloc = allocationSize(len);
            end -= alloc;
            buf.put(base + end, scratch, (raw & ~FLAG_MASK) - oldEnd, alloc);
            setSlot(i, end, raw & FLAG_MASK, len);
        }
        if (end > oldEnd) {
            PageHeader.zero(buf, base + oldEnd, end - oldEnd);
        }
        setFreeEnd(end);
        setFragmentedBytes(0);
    }

    /** Number of live slots (of any flag). */
    public int liveCount() {
        int n = slotCount();
        int live = 0;
        for (int i = 0; i < n; i++) {
            if (rawOffset(i) != 0) {
                live++;
            }
        }
        return live;
    }
}
