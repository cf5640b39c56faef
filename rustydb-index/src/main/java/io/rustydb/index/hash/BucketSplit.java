package io.rustydb.index.hash;

import io.rustydb.core.DbException;
import io.rustydb.storage.buffer.BufferPool;
import io.rustydb.storage.buffer.WritePageGuard;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The split of a full bucket on one hash bit, run by {@link HashIndex} inside an atomic page change while it holds
 * the write latches of the bucket's directory pages and of its primary page: the entries of one side of the bit
 * move to a new bucket (a primary page and as many overflow pages as they need, all new), the others stay, both
 * buckets get the next depth, and the moving side's directory slots are redirected to the new bucket.
 */
final class BucketSplit {
    private final BufferPool pool;
    private final int pageSize;

    BucketSplit(BufferPool pool) {
        this.pool = pool;
        this.pageSize = pool.pageSize();
    }

    /**
     * Splits the bucket whose primary page is {@code primary} (wrapped by {@code page}) on hash bit {@code d} (its
     * local depth), moving the entries whose bit d is {@code moving}. The chain is walked with write latches
     * coupled in chain order; overflow pages left empty are unlinked and returned, to be freed after the atomic
     * change.
     */
    List<Integer> split(WritePageGuard primary, HashBucketPage page, int moving, HashDirectory.BucketSlots slots) {
        int depth = page.depth();
        int pattern = page.pattern();
        List<HashBucketPage.Entry> moved = new ArrayList<>();
        List<Integer> freed = new ArrayList<>();
        takeSide(page, depth, moving, moved);
        page.setDepth(depth + 1);
        page.setPattern(pattern | (1 - moving) << depth);
        HashBucketPage previous = page;
        WritePageGuard previousGuard = null; // null while the previous page is the primary
        try {
            for (int next = page.next(); next != 0; ) {
                WritePageGuard g = pool.writePage(next);
                HashBucketPage overflow = new HashBucketPage().wrap(g.buffer(), pageSize);
                if (!overflow.isOverflowOf(primary.pageNo())) {
                    g.close();
                    throw DbException.corruption(pool.diskManager().name(), next, "the overflow chain of hash bucket "
                            + primary.pageNo() + " reaches a page that is not one of its overflow pages");
                }
                takeSide(overflow, depth, moving, moved);
                int after = overflow.next();
                if (overflow.count() == 0) {
                    previous.setNext(after);
                    freed.add(next);
                    g.close();
                } else {
                    if (previousGuard != null) {
                        previousGuard.close();
                    }
                    previousGuard = g;
                    previous = overflow;
                }
                next = after;
            }
        } finally {
            if (previousGuard != null) {
                previousGuard.close();
            }
        }
        Collections.sort(moved);
        int newPrimary = writeChain(moved, depth + 1, pattern | moving << depth);
        for (long slot = pattern; slot < 1L << slots.globalDepth(); slot += 1L << depth) {
            if ((slot >>> depth & 1) == moving) {
                slots.setBucket(slot, newPrimary);
            }
        }
        return freed;
    }

    /** Moves the entries of {@code page} whose hash bit {@code depth} is {@code side} to {@code out}. */
    private static void takeSide(HashBucketPage page, int depth, int side, List<HashBucketPage.Entry> out) {
        List<HashBucketPage.Entry> stay = new ArrayList<>(page.count());
        int before = out.size();
        for (HashBucketPage.Entry e : page.entries()) {
            (((e.hash() >>> depth) & 1) == side ? out : stay).add(e);
        }
        if (out.size() > before) {
            page.rewrite(stay);
        }
    }

    /**
     * Writes {@code entries} (in entry order) into a new bucket of depth {@code depth} and {@code pattern}: a primary
     * page and as many overflow pages as they need, all new, each filled before the next. Returns the primary page.
     */
    private int writeChain(List<HashBucketPage.Entry> entries, int depth, int pattern) {
        WritePageGuard g = pool.newPage();
        int first = g.pageNo();
        try {
            HashBucketPage.formatPrimary(g.buffer(), pageSize, first, depth, pattern);
            HashBucketPage page = new HashBucketPage().wrap(g.buffer(), pageSize);
            int capacity = HashBucketPage.capacity(pageSize);
            int i = 0;
            for (;;) {
                int from = i;
                long used = 0;
                while (i < entries.size() && used + HashBucketPage.entrySize(entries.get(i).key().length) <= capacity) {
                    used += HashBucketPage.entrySize(entries.get(i).key().length);
                    i++;
                }
                page.rewrite(entries.subList(from, i));
                if (i == entries.size()) {
                    return first;
                }
                WritePageGuard overflow = pool.newPage();
                HashBucketPage.formatOverflow(overflow.buffer(), pageSize, overflow.pageNo(), first);
                page.setNext(overflow.pageNo());
                g.close();
                g = overflow;
                page.wrap(g.buffer(), pageSize);
            }
        } finally {
            g.close();
        }
    }
}
