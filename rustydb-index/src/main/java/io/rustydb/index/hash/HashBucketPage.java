package io.rustydb.index.hash;

import io.rustydb.storage.page.PageHeader;
import io.rustydb.storage.page.PageType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Flyweight over one page of a hash bucket: the bucket's primary page (the one the directory points to) or one of
 * the overflow pages chained behind it. Holds (hash, key, value) entries sorted by hash, then key, then value, so
 * a key's values are found by binary search and a pair is found exactly.
 *
 * <pre>
 *  offset size field (after the 64-byte {@link PageHeader}; the header's type is HASH_BUCKET for a primary page,
 *                     HASH_OVERFLOW for an overflow page, and its next-page field links to the chain's next
 *                     overflow page, 0 = end of the chain)
 *  +-----+----+--------------------------------------------------------------------------+
 *  |  64 |  2 | count         number of entries                                          |
 *  |  66 |  2 | local depth   primary: d, every entry of the chain ends in the same d hash bits; overflow: 0 |
 *  |  68 |  4 | pattern       primary: those d bits (the bucket's directory slots end in them); overflow: 0 |
 *  |  72 |  4 | owner         the chain's primary page (a primary page: itself)            |
 *  |  76 |  4 | entry start   start of the entry area (grows down)                         |
 *  |  80 |  4 | garbage       bytes of removed entries inside the entry area               |
 *  |  84 | 2n | offsets       u16 page offset of each entry, in (hash, key, value) order   |
 *  |     |    | ... free ...                                                               |
 *  | end |    | entries, packed towards the end of the page                                |
 *  +-----+----+--------------------------------------------------------------------------+
 *
 *  entry:  | u32 hash (low half of XXH64, {@link KeyHash}) | u16 key length | key bytes | i64 value (row id) |
 * </pre>
 *
 * Hashes compare as unsigned ints, keys as unsigned bytes, values as signed longs. Not thread-safe: the caller
 * holds the page's latch through a page guard.
 */
final class HashBucketPage {
    static final int COUNT = PageHeader.SIZE;
    static final int DEPTH = PageHeader.SIZE + 2;
    static final int PATTERN = PageHeader.SIZE + 4;
    static final int OWNER = PageHeader.SIZE + 8;
    static final int ENTRY_START = PageHeader.SIZE + 12;
    static final int GARBAGE = PageHeader.SIZE + 16;
    static final int OFFSETS = PageHeader.SIZE + 20;
    /** Hash, key length and value. */
    static final int ENTRY_OVERHEAD = 4 + 2 + 8;

    private ByteBuffer b;
    private int pageSize;

    HashBucketPage wrap(ByteBuffer buffer, int pageSize) {
        this.b = buffer;
        this.pageSize = pageSize;
        return this;
    }

    /** Formats the page as an empty primary bucket page of local depth {@code depth} and {@code pattern}. */
    static void formatPrimary(ByteBuffer b, int pageSize, int pageNo, int depth, int pattern) {
        PageHeader.format(b, 0, pageSize, pageNo, PageType.HASH_BUCKET);
        b.putShort(DEPTH, (short) depth);
        b.putInt(PATTERN, pattern);
        b.putInt(OWNER, pageNo);
        b.putInt(ENTRY_START, pageSize);
    }

    /** Formats the page as an empty overflow page of the chain of primary page {@code owner}. */
    static void formatOverflow(ByteBuffer b, int pageSize, int pageNo, int owner) {
        PageHeader.format(b, 0, pageSize, pageNo, PageType.HASH_OVERFLOW);
        b.putInt(OWNER, owner);
        b.putInt(ENTRY_START, pageSize);
    }

    /** The space an entry with a key of {@code keyLength} bytes takes, offset slot included. */
    static int entrySize(int keyLength) {
        return 2 + ENTRY_OVERHEAD + keyLength;
    }

    /** Bytes of a page available to entries. */
    static int capacity(int pageSize) {
        return pageSize - OFFSETS;
    }

    boolean isPrimary() {
        return PageHeader.type(b, 0) == PageType.HASH_BUCKET;
    }

    boolean isOverflow() {
        return PageHeader.type(b, 0) == PageType.HASH_OVERFLOW;
    }

    /** Whether this is an overflow page of the chain of primary page {@code primary}. */
    boolean isOverflowOf(int primary) {
        return isOverflow() && owner() == primary;
    }

    int count() {
        return Short.toUnsignedInt(b.getShort(COUNT));
    }

    private void setCount(int n) {
        b.putShort(COUNT, (short) n);
    }

    int depth() {
        return Short.toUnsignedInt(b.getShort(DEPTH));
    }

    void setDepth(int depth) {
        b.putShort(DEPTH, (short) depth);
    }

    int pattern() {
        return b.getInt(PATTERN);
    }

    void setPattern(int pattern) {
        b.putInt(PATTERN, pattern);
    }

    int owner() {
        return b.getInt(OWNER);
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

    int hash(int i) {
        return b.getInt(entryOffset(i));
    }

    int keyLength(int i) {
        return Short.toUnsignedInt(b.getShort(entryOffset(i) + 4));
    }

    byte[] key(int i) {
        int off = entryOffset(i);
        byte[] key = new byte[Short.toUnsignedInt(b.getShort(off + 4))];
        b.get(off + 6, key, 0, key.length);
        return key;
    }

    long value(int i) {
        int off = entryOffset(i);
        return b.getLong(off + 6 + Short.toUnsignedInt(b.getShort(off + 4)));
    }

    /** Unsigned comparison of entry {@code i}'s key with {@code key}. */
    private int compareKey(int i, byte[] key) {
        int off = entryOffset(i);
        int len = Short.toUnsignedInt(b.getShort(off + 4));
        int n = Math.min(len, key.length);
        int p = off + 6;
        for (int j = 0; j < n; j++) {
            int d = Byte.toUnsignedInt(b.get(p + j)) - Byte.toUnsignedInt(key[j]);
            if (d != 0) {
                return d;
            }
        }
        return len - key.length;
    }

    /** Entry {@code i} against (hash, key), in entry order. */
    private int compare(int i, int hash, byte[] key) {
        int c = Integer.compareUnsigned(hash(i), hash);
        return c != 0 ? c : compareKey(i, key);
    }

    /** Whether entry {@code i} has exactly this hash and key. */
    boolean matches(int i, int hash, byte[] key) {
        return hash(i) == hash && compareKey(i, key) == 0;
    }

    /** The first position whose (hash, key) is >= the given one (count() if none): where a key's values start. */
    int lowerBound(int hash, byte[] key) {
        int lo = 0;
        int hi = count();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(mid, hash, key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The position of entry (hash, key, value), or {@code -(insertion point) - 1} if it is not on this page. */
    int find(int hash, byte[] key, long value) {
        int lo = 0;
        int hi = count() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compare(mid, hash, key);
            if (c == 0) {
                c = Long.compare(value(mid), value);
            }
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -lo - 1;
    }

    /** Free bytes, counting those a compaction would recover. */
    int freeSpace() {
        return entryStart() - (OFFSETS + 2 * count()) + garbage();
    }

    boolean fits(int keyLength) {
        return freeSpace() >= entrySize(keyLength);
    }

    /** Inserts an entry at position {@code pos} (from {@link #find}); the caller checked {@link #fits}. */
    void insertAt(int pos, int hash, byte[] key, long value) {
        int need = ENTRY_OVERHEAD + key.length;
        int n = count();
        if (entryStart() - need < OFFSETS + 2 * (n + 1)) {
            rewrite(entries());
        }
        int off = entryStart() - need;
        b.putInt(ENTRY_START, off);
        b.putInt(off, hash);
        b.putShort(off + 4, (short) key.length);
        b.put(off + 6, key, 0, key.length);
        b.putLong(off + 6 + key.length, value);
        for (int i = n; i > pos; i--) {
            b.putShort(OFFSETS + 2 * i, b.getShort(OFFSETS + 2 * (i - 1)));
        }
        b.putShort(OFFSETS + 2 * pos, (short) off);
        setCount(n + 1);
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

    /** All entries, in order, as values. */
    List<Entry> entries() {
        int n = count();
        List<Entry> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Entry(hash(i), key(i), value(i)));
        }
        return out;
    }

    /** Replaces all entries by {@code entries} (in entry order), packed. */
    void rewrite(List<Entry> entries) {
        int start = pageSize;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            start -= ENTRY_OVERHEAD + e.key().length;
            b.putInt(start, e.hash());
            b.putShort(start + 4, (short) e.key().length);
            b.put(start + 6, e.key(), 0, e.key().length);
            b.putLong(start + 6 + e.key().length, e.value());
            b.putShort(OFFSETS + 2 * i, (short) start);
        }
        int dirEnd = OFFSETS + 2 * entries.size();
        PageHeader.zero(b, dirEnd, start - dirEnd);
        setCount(entries.size());
        b.putInt(ENTRY_START, start);
        b.putInt(GARBAGE, 0);
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
            if (off < start || off + 6 > pageSize) {
                return "entry " + i + " at " + off + " lies outside the entry area";
            }
            int size = ENTRY_OVERHEAD + keyLength(i);
            if (off + size > pageSize) {
                return "entry " + i + " at " + off + " runs past the end of the page";
            }
            live += size;
        }
        if (live + garbage() != pageSize - start) {
            return "live bytes " + live + " + garbage " + garbage() + " != entry area " + (pageSize - start);
        }
        return null;
    }

    /** One entry, copied out of a page. Ordered by hash (unsigned), key (unsigned bytes), value. */
    record Entry(int hash, byte[] key, long value) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = Integer.compareUnsigned(hash, o.hash);
            if (c == 0) {
                c = Arrays.compareUnsigned(key, o.key);
            }
            return c != 0 ? c : Long.compare(value, o.value);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && compareTo(e) == 0;
        }

        @Override
        public int hashCode() {
            return hash * 31 + Long.hashCode(value);
        }
    }
}
