package io.rustydb.index.hash;

import io.rustydb.storage.buffer.BufferPool;
import io.rustydb.storage.buffer.ReadPageGuard;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@link HashIndex#checkStructure()}: one pass over the meta page, the directory and every bucket chain, reading
 * one page at a time. Throws IllegalStateException naming the page on the first violation; meant for tests and
 * for checking a database offline, with no writer running.
 */
final class HashStructureCheck {
    private final BufferPool pool;
    private final int metaPageNo;
    private final int pageSize;
    private final int maxKeyLength;
    private final long hashSeed;
    private final int expectedMaxDepth;
    /** Every page of the index seen so far: each may be reached once only. */
    private final Set<Integer> seen = new HashSet<>();

    HashStructureCheck(HashIndex index, int metaPageNo, int pageSize, int maxKeyLength) {
        this.pool = index.pool();
        this.metaPageNo = metaPageNo;
        this.pageSize = pageSize;
        this.maxKeyLength = maxKeyLength;
        this.hashSeed = index.hashSeed();
        this.expectedMaxDepth = index.maxDepth();
    }

    /** A bucket as the directory sees it: its depth and pattern, and how many slots point to it. */
    private static final class Bucket {
        final int depth;
        final int pattern;
        int slots;

        Bucket(int depth, int pattern) {
            this.depth = depth;
            this.pattern = pattern;
        }
    }

    long run() {
        int depth;
        int slotsPerPage;
        int[] directoryPages;
        try (ReadPageGuard g = pool.readPage(metaPageNo)) {
            ByteBuffer m = g.buffer();
            if (!HashMetaPage.isMeta(m) || HashMetaPage.version(m) != HashMetaPage.VERSION) {
                throw fail(metaPageNo, "is not a version " + HashMetaPage.VERSION + " hash meta page");
            }
            depth = HashMetaPage.globalDepth(m);
            slotsPerPage = HashMetaPage.slotsPerPage(m);
            if (HashMetaPage.maxDepth(m) != expectedMaxDepth || depth > expectedMaxDepth) {
                throw fail(metaPageNo, "global depth " + depth + ", max depth " + HashMetaPage.maxDepth(m)
                        + " (expected at most " + expectedMaxDepth + ")");
            }
            if (HashMetaPage.hashSeed(m) != hashSeed) {
                throw fail(metaPageNo, "hash seed changed");
            }
            int count = HashMetaPage.directoryPageCount(m);
            if (count != HashMetaPage.pagesFor(depth, slotsPerPage)) {
                throw fail(metaPageNo, count + " directory pages for depth " + depth + " and " + slotsPerPage
                        + " slots per page");
            }
            directoryPages = new int[count];
            for (int i = 0; i < count; i++) {
                directoryPages[i] = HashMetaPage.directoryPage(m, i);
            }
        }
        seen.add(metaPageNo);
        int size = 1 << depth;
        int[] slots = new int[size];
        for (int p = 0; p < directoryPages.length; p++) {
            int pageNo = directoryPages[p];
            if (!seen.add(pageNo)) {
                throw fail(pageNo, "(directory page " + p + ") is reached twice");
            }
            try (ReadPageGuard g = pool.readPage(pageNo)) {
                ByteBuffer b = g.buffer();
                if (!HashDirectoryPage.isDirectory(b) || HashDirectoryPage.firstSlot(b) != p * slotsPerPage) {
                    throw fail(pageNo, "is not directory page " + p + " (first slot " + p * slotsPerPage + ")");
                }
                for (int j = p * slotsPerPage; j < Math.min(size, (p + 1) * slotsPerPage); j++) {
                    slots[j] = HashDirectoryPage.bucket(b, j - p * slotsPerPage);
                }
            }
        }
        Map<Integer, Bucket> buckets = new HashMap<>();
        long entries = 0;
        for (int slot = 0; slot < size; slot++) {
            int pageNo = slots[slot];
            Bucket bucket = buckets.get(pageNo);
            if (bucket == null) {
                bucket = primary(pageNo, depth);
                buckets.put(pageNo, bucket);
                entries += chain(pageNo, bucket);
            }
            if ((slot & (int) ((1L << bucket.depth) - 1)) != bucket.pattern) {
                throw fail(pageNo, "(depth " + bucket.depth + ", pattern " + bucket.pattern + ") is the bucket of "
                        + "directory slot " + slot);
            }
            bucket.slots++;
        }
        for (Map.Entry<Integer, Bucket> e : buckets.entrySet()) {
            Bucket b = e.getValue();
            if (b.slots != 1 << (depth - b.depth)) {
                throw fail(e.getKey(), "of depth " + b.depth + " has " + b.slots + " directory slots, expected "
                        + (1 << (depth - b.depth)));
            }
        }
        return entries;
    }

    private Bucket primary(int pageNo, int globalDepth) {
        if (!seen.add(pageNo)) {
            throw fail(pageNo, "is a bucket and also another page of the index");
        }
        try (ReadPageGuard g = pool.readPage(pageNo)) {
            HashBucketPage page = new HashBucketPage().wrap(g.buffer(), pageSize);
            if (!page.isPrimary() || page.owner() != pageNo) {
                throw fail(pageNo, "is not a primary bucket page");
            }
            if (page.depth() > globalDepth || Integer.toUnsignedLong(page.pattern()) >= 1L << page.depth()) {
                throw fail(pageNo, "has depth " + page.depth() + " and pattern " + page.pattern()
                        + " under a directory of depth " + globalDepth);
            }
            return new Bucket(page.depth(), page.pattern());
        }
    }

    /** Checks the chain of the bucket whose primary page is {@code primary}; returns its number of entries. */
    private long chain(int primary, Bucket bucket) {
        Set<HashBucketPage.Entry> pairs = new HashSet<>();
        HashBucketPage page = new HashBucketPage();
        long entries = 0;
        int pageNo = primary;
        int mask = (int) ((1L << bucket.depth) - 1);
        while (pageNo != 0) {
            if (pageNo != primary && !seen.add(pageNo)) {
                throw fail(pageNo, "is reached twice (a cycle, or shared by two chains)");
            }
            try (ReadPageGuard g = pool.readPage(pageNo)) {
                page.wrap(g.buffer(), pageSize);
                if (pageNo != primary && (!page.isOverflow() || page.owner() != primary)) {
                    throw fail(pageNo, "in the chain of bucket " + primary + " is not one of its overflow pages");
                }
                String space = page.checkSpace();
                if (space != null) {
                    throw fail(pageNo, space);
                }
                HashBucketPage.Entry previous = null;
                for (int i = 0; i < page.count(); i++) {
                    HashBucketPage.Entry e = new HashBucketPage.Entry(page.hash(i), page.key(i), page.value(i));
                    if (previous != null && previous.compareTo(e) >= 0) {
                        throw fail(pageNo, "entries out of order at " + i);
                    }
                    if (e.key().length > maxKeyLength) {
                        throw fail(pageNo, "entry " + i + " has a key of " + e.key().length + " bytes");
                    }
                    if (KeyHash.of(e.key(), hashSeed) != e.hash()) {
                        throw fail(pageNo, "entry " + i + " stores a hash that is not its key's");
                    }
                    if ((e.hash() & mask) != bucket.pattern) {
                        throw fail(pageNo, "entry " + i + " does not belong to bucket " + primary + " (depth "
                                + bucket.depth + ", pattern " + bucket.pattern + ")");
                    }
                    if (!pairs.add(e)) {
                        throw fail(pageNo, "entry " + i + " is stored twice in the chain of bucket " + primary);
                    }
                    previous = e;
                }
                entries += page.count();
                pageNo = page.next();
            }
        }
        return entries;
    }

    private IllegalStateException fail(int pageNo, String detail) {
        return new IllegalStateException("hash index " + metaPageNo + ": page " + pageNo + " " + detail);
    }
}
