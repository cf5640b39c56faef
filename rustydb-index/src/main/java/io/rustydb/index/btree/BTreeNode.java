package io.rustydb.index.btree;

import io.rustydb.storage.page.PageHeader;
import io.rustydb.storage.page.PageType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Flyweight over one B+tree page: a sorted array of (key, value) entries, addressed by position.
 *
 * <pre>
 *  offset size field (after the 64-byte {@link PageHeader}; the header's type is BTREE_LEAF or BTREE_INNER and,
 *                     in a leaf, its next-page field links to the right sibling)
 *  +-----+----+-------------------------------------------------------------------+
 *  |  64 |  2 | count          number of entries                                  |
 *  |  66 |  2 | level          0 for a leaf, the height above the leaves otherwise |
 *  |  68 |  4 | leftmost       inner: child for keys below the first entry's key  |
 *  |  72 |  4 | entry start    start of the entry area (grows down)               |
 *  |  76 |  4 | garbage        bytes of removed entries inside the entry area     |
 *  |  80 | 2n | offsets        u16 page offset of each entry, in key order        |
 *  |     |    | ... free ...                                                       |
 *  | end |    | entries, packed towards the end of the page                       |
 *  +-----+----+-------------------------------------------------------------------+
 *
 *  entry:  | u16 key length | key bytes | i64 value |
 *          leaf: value = the indexed row id;  inner: value = child page number, for keys >= the entry's key
 * </pre>
 *
 * Keys compare as unsigned bytes (they come from the binary-comparable key encoding). Not thread-safe: the caller
 * holds the page's latch through a page guard.
 */
final class BTreeNode {
    static final int COUNT = PageHeader.SIZE;
    static final int LEVEL = PageHeader.SIZE + 2;
    static final int LEFTMOST = PageHeader.SIZE + 4;
    static final int ENTRY_START = PageHeader.SIZE + 8;
    static final int GARBAGE = PageHeader.SIZE + 12;
    static final int OFFSETS = PageHeader.SIZE + 16;
    static final int ENTRY_OVERHEAD = 2 + 8;

    private ByteBuffer b;
    private int pageSize;

    BTreeNode wrap(ByteBuffer buffer, int pageSize) {
        this.b = buffer;
        this.pageSize = pageSize;
        return this;
    }

    /** Formats the page as an empty node. */
    static void format(ByteBuffer b, int pageSize, int pageNo, boolean leaf, int level) {
        PageHeader.format(b, 0, pageSize, pageNo, leaf ? PageType.BTREE_LEAF : PageType.BTREE_INNER);
        b.putShort(LEVEL, (short) level);
        b.putInt(ENTRY_START, pageSize);
    }

    /** The space an entry with a key of {@code keyLength} bytes takes, offset slot included. */
    static int entrySize(int keyLength) {
        return 2 + ENTRY_OVERHEAD + keyLength;
    }

    boolean isLeaf() {
        return PageHeader.type(b, 0) == PageType.BTREE_LEAF;
    }

    boolean isNode() {
        PageType t = PageHeader.type(b, 0);
        return t == PageType.BTREE_LEAF || t == PageType.BTREE_INNER;
    }

    int count() {
        return Short.toUnsignedInt(b.getShort(COUNT));
    }

    private void setCount(int n) {
        b.putShort(COUNT, (short) n);
    }

    int level() {
        return Short.toUnsignedInt(b.getShort(LEVEL));
    }

    int leftmost() {
        return b.getInt(LEFTMOST);
    }

    void setLeftmost(int child) {
        b.putInt(LEFTMOST, child);
    }

    int next() {
        return PageHeader.nextPage(b, 0);
    }

    void setNext(int pageNo) {
        PageHeader.setNextPage(b, 0, pageNo);
    }

    private int entryStart() {
        return b.getInt(ENTRY_START);
    }

    private int garbage() {
        return b.getInt(GARBAGE);
    }

    private int entryOffset(int i) {
        return Short.toUnsignedInt(b.getShort(OFFSETS + 2 * i));
    }

    int keyLength(int i) {
        return Short.toUnsignedInt(b.getShort(entryOffset(i)));
    }

    byte[] key(int i) {
        int off = entryOffset(i);
        byte[] key = new byte[Short.toUnsignedInt(b.getShort(off))];
        b.get(off + 2, key, 0, key.length);
        return key;
    }

    long value(int i) {
        int off = entryOffset(i);
        return b.getLong(off + 2 + Short.toUnsignedInt(b.getShort(off)));
    }

    /** The child page of entry {@code i} of an inner node; -1 means the leftmost child. */
    int child(int i) {
        return i < 0 ? leftmost() : (int) value(i);
    }

    /** Unsigned comparison of entry {@code i}'s key with {@code key}. */
    int compare(int i, byte[] key) {
        int off = entryOffset(i);
        int len = Short.toUnsignedInt(b.getShort(off));
        int n = Math.min(len, key.length);
        int p = off + 2;
        for (int j = 0; j < n; j++) {
            int d = Byte.toUnsignedInt(b.get(p + j)) - Byte.toUnsignedInt(key[j]);
            if (d != 0) {
                return d;
            }
        }
        return len - key.length;
    }

    /** The first position whose key is >= {@code key} (count() if none). */
    int lowerBound(byte[] key) {
        int lo = 0;
        int hi = count();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(mid, key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Inner node: the entry whose child covers {@code key} (the last with key <= {@code key}), -1 = leftmost. */
    int childIndexFor(byte[] key) {
        int lo = 0;
        int hi = count();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(mid, key) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    /** Free bytes, counting those a compaction would recover. */
    int freeSpace() {
        return entryStart() - (OFFSETS + 2 * count()) + garbage();
    }

    /** Bytes taken by the live entries and their offset slots (what {@link #freeSpace} leaves of the page). */
    int usedSpace() {
        return pageSize - OFFSETS - freeSpace();
    }

    boolean fits(int keyLength) {
        return freeSpace() >= entrySize(keyLength);
    }

    /** Inserts an entry at position {@code pos}; the caller checked {@link #fits}. */
    void insertAt(int pos, byte[] key, long value) {
        int need = ENTRY_OVERHEAD + key.length;
        int n = count();
        if (entryStart() - need < OFFSETS + 2 * (n + 1)) {
            compact();
        }
        int off = entryStart() - need;
        b.putInt(ENTRY_START, off);
        b.putShort(off, (short) key.length);
        b.put(off + 2, key, 0, key.length);
        b.putLong(off + 2 + key.length, value);
        for (int i = n; i > pos; i--) {
            b.putShort(OFFSETS + 2 * i, b.getShort(OFFSETS + 2 * (i - 1)));
        }
        b.putShort(OFFSETS + 2 * pos, (short) off);
        setCount(n + 1);
    }

    /** Replaces the value of entry {@code i}. */
    void setValue(int i, long value) {
        int off = entryOffset(i);
        b.putLong(off + 2 + Short.toUnsignedInt(b.getShort(off)), value);
    }

    /** Removes the entry at {@code pos}; its bytes become garbage until the next compaction. */
    void removeAt(int pos) {
        int n = count();
        int size = ENTRY_OVERHEAD + keyLength(pos);
        int off = entryOffset(pos);
        for (int i = pos; i < n - 1; i++) {
            b.putShort(OFFSETS + 2 * i, b.getShort(OFFSETS + 2 * (i + 1)));
        }
        b.putShort(OFFSETS + 2 * (n - 1), (short) 0);
        setCount(n - 1);
        if (off == entryStart()) {
            b.putInt(ENTRY_START, off + size);
        } else {
            b.putInt(GARBAGE, garbage() + size);
        }
    }

    /** Entries {@code [from, to)} as values. */
    List<Entry> entries(int from, int to) {
        List<Entry> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(new Entry(key(i), value(i)));
        }
        return out;
    }

    /** Replaces all entries by {@code entries} (in key order), packed. */
    void rewrite(List<Entry> entries) {
        int start = pageSize;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            start -= ENTRY_OVERHEAD + e.key().length;
            b.putShort(start, (short) e.key().length);
            b.put(start + 2, e.key(), 0, e.key().length);
            b.putLong(start + 2 + e.key().length, e.value());
            b.putShort(OFFSETS + 2 * i, (short) start);
        }
        int dirEnd = OFFSETS + 2 * entries.size();
        PageHeader.zero(b, dirEnd, start - dirEnd);
        setCount(entries.size());
        b.putInt(ENTRY_START, start);
        b.putInt(GARBAGE, 0);
    }

    private void compact() {
        rewrite(entries(0, count()));
    }

    /**
     * Checks the page's space bookkeeping: the offset array below the entry area, every entry inside the entry
     * area, and live bytes plus garbage filling it exactly. Returns a description of the first violation, or null.
     */
    String checkSpace() {
        int n = count();
        int start = entryStart();
        if (start < OFFSETS + 2 * n || start > pageSize) {
            return "entry start " + start + " overlaps the offsets of " + n + " entries";
        }
        long live = 0;
        for (int i = 0; i < n; i++) {
            int off = entryOffset(i);
            int size = ENTRY_OVERHEAD + keyLength(i);
            if (off < start || off + size > pageSize) {
                return "entry " + i + " at " + off + " lies outside the entry area";
            }
            live += size;
        }
        if (live + garbage() != pageSize - start) {
            return "live bytes " + live + " + garbage " + garbage() + " != entry area " + (pageSize - start);
        }
        return null;
    }

    /** One entry, copied out of a page. */
    record Entry(byte[] key, long value) {
    }
}
