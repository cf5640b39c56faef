package io.rustydb.index.hash;

import io.rustydb.core.DbException;
import io.rustydb.storage.buffer.BufferPool;
import io.rustydb.storage.buffer.ReadPageGuard;
import io.rustydb.storage.buffer.WritePageGuard;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A hash index's directory as a whole: the changes that involve many slots. {@link #latchSlots} write-latches the
 * directory pages holding one bucket's slots, for a split; {@link #doubleFrom} doubles the directory. Both follow
 * {@link HashIndex}'s latch order: the meta page, then directory pages in ascending order.
 */
final class HashDirectory {
    private final BufferPool pool;
    private final int metaPageNo;
    private final int pageSize;
    private final int slotsPerPage;
    private final int maxDepth;

    HashDirectory(BufferPool pool, int metaPageNo, int slotsPerPage, int maxDepth) {
        this.pool = pool;
        this.metaPageNo = metaPageNo;
        this.pageSize = pool.pageSize();
        this.slotsPerPage = slotsPerPage;
        this.maxDepth = maxDepth;
    }

    /** Write latches on the directory pages that hold the slots of one bucket; closing releases them. */
    static final class BucketSlots implements AutoCloseable {
        private final Map<Integer, WritePageGuard> pages = new LinkedHashMap<>(); // page index -> latch, ascending
        private final int slotsPerPage;
        private final int globalDepth;

        private BucketSlots(int slotsPerPage, int globalDepth) {
            this.slotsPerPage = slotsPerPage;
            this.globalDepth = globalDepth;
        }

        /** The directory's depth G, which stays put while the latches are held (a doubling waits for them). */
        int globalDepth() {
            return globalDepth;
        }

        /** How many directory pages are latched. */
        int pageCount() {
            return pages.size();
        }

        /** The bucket page of {@code slot}, one of the latched slots. */
        int bucket(long slot) {
            return HashDirectoryPage.bucket(pages.get((int) (slot / slotsPerPage)).buffer(),
                    (int) (slot % slotsPerPage));
        }

        void setBucket(long slot, int pageNo) {
            HashDirectoryPage.setBucket(pages.get((int) (slot / slotsPerPage)).buffer(), (int) (slot % slotsPerPage),
                    pageNo);
        }

        /** The directory page holding {@code slot}. */
        int pageNo(long slot) {
            return pages.get((int) (slot / slotsPerPage)).pageNo();
        }

        @Override
        public void close() {
            for (WritePageGuard g : pages.values()) {
                g.close();
            }
        }
    }

    /**
     * Write-latches the directory pages holding the slots that end in the low {@code depth} bits of {@code hash}
     * (the slots of the bucket of that hash, if its depth is {@code depth}), the meta page read-latched meanwhile.
     */
    BucketSlots latchSlots(int hash, int depth) {
        BucketSlots slots = null;
        try (ReadPageGuard meta = pool.readPage(metaPageNo)) {
            ByteBuffer m = meta.buffer();
            int globalDepth = HashMetaPage.globalDepth(m);
            if (depth > globalDepth) {
                throw DbException.corruption(pool.diskManager().name(), metaPageNo, "a hash bucket of depth " + depth
                        + " under a directory of depth " + globalDepth);
            }
            slots = new BucketSlots(slotsPerPage, globalDepth);
            long step = 1L << depth;
            for (long slot = hash & (step - 1); slot < 1L << globalDepth; slot += step) {
                int pageIndex = (int) (slot / slotsPerPage);
                if (!slots.pages.containsKey(pageIndex)) {
                    slots.pages.put(pageIndex, pool.writePage(HashMetaPage.directoryPage(m, pageIndex)));
                }
            }
            return slots;
        } catch (RuntimeException | Error e) {
            if (slots != null) {
                slots.close();
            }
            throw e;
        }
    }

    /**
     * Doubles the directory from depth {@code depth} (unless another thread did meanwhile): slot
     * {@code i + 2^depth} gets slot {@code i}'s bucket. New directory pages are allocated first, with no latch of
     * the index held; then, under the meta page's write latch, the new upper half is written (slots past 2^G are
     * read by nobody), and one write of the meta page publishes it: the doubling's commit point in the log. A crash
     * before it leaves the old directory, with meaningless upper slots and the new pages allocated but unused.
     */
    void doubleFrom(int depth) {
        if (depth >= maxDepth) {
            throw new IllegalStateException("doubling a directory of the maximum depth " + depth);
        }
        int oldPages = HashMetaPage.pagesFor(depth, slotsPerPage);
        int newPages = HashMetaPage.pagesFor(depth + 1, slotsPerPage);
        int[] fresh = new int[newPages - oldPages];
        boolean published = false;
        try {
            for (int k = 0; k < fresh.length; k++) {
                try (WritePageGuard g = pool.newPage()) {
                    HashDirectoryPage.format(g.buffer(), pageSize, g.pageNo(), (oldPages + k) * slotsPerPage);
                    fresh[k] = g.pageNo();
                }
            }
            try (WritePageGuard meta = pool.writePage(metaPageNo)) {
                ByteBuffer m = meta.buffer();
                if (HashMetaPage.globalDepth(m) != depth) {
                    return; // another thread doubled it
                }
                int size = 1 << depth;
                int[] lower = new int[size];
                for (int p = 0; p < oldPages; p++) {
                    // waits for a split still holding this page: the copy sees its result
                    try (ReadPageGuard g = pool.readPage(HashMetaPage.directoryPage(m, p))) {
                        int from = p * slotsPerPage;
                        for (int j = from; j < Math.min(size, from + slotsPerPage); j++) {
                            lower[j] = HashDirectoryPage.bucket(g.buffer(), j - from);
                        }
                    }
                }
                for (int p = size / slotsPerPage; p < newPages; p++) {
                    int pageNo = p < oldPages ? HashMetaPage.directoryPage(m, p) : fresh[p - oldPages];
                    try (WritePageGuard g = pool.writePage(pageNo)) {
                        int from = p * slotsPerPage;
                        for (int j = Math.max(size, from); j < Math.min(2 * size, from + slotsPerPage); j++) {
                            HashDirectoryPage.setBucket(g.buffer(), j - from, lower[j - size]);
                        }
                    }
                }
                for (int k = 0; k < fresh.length; k++) {
                    HashMetaPage.setDirectoryPage(m, oldPages + k, fresh[k]);
                }
                HashMetaPage.setDirectoryPageCount(m, newPages);
                HashMetaPage.setGlobalDepth(m, depth + 1);
                published = true;
            }
        } finally {
            if (!published) {
                for (int pageNo : fresh) {
                    if (pageNo != 0) {
                        pool.freePage(pageNo);
                    }
                }
            }
        }
    }
}
