package io.rustydb.txn.mvcc;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The visibility map of one heap, in memory: which pages hold only versions that every snapshot sees, so that an
 * index-only scan may answer from the index entry without reading the heap page. Empty after every open (a page is
 * "not known all-visible" until vacuum looks at it again), so it needs no logging.
 *
 * <p>Each page has a state {@code epoch * 2 + allVisibleBit}. A writer calls {@link #changed} after every change
 * of a page's versions (a new version, an xmax mark), which bumps the epoch and clears the bit. Vacuum reads the
 * state ({@link #state}) before it looks at a page's versions and sets the bit only if the state is still the same
 * afterwards ({@link #markAllVisible}), so a change made meanwhile is never overlooked. Writers bump after the change
 * and before its index entries exist (or, for a delete, before the deleter commits), so a reader that finds an
 * entry or a committed delete sees the bit cleared.
 */
final class AllVisibleMap {
    private final ConcurrentHashMap<Integer, Long> states = new ConcurrentHashMap<>();

    /** The page of {@code rowId} changed: not all-visible any more. */
    void changed(long rowId) {
        int page = io.rustydb.storage.heap.RowIds.pageNo(rowId);
        states.merge(page, 2L, (old, two) -> (old | 1) + 1); // next even state: epoch + 1, bit clear
    }

    /** The page's current state, to hand back to {@link #markAllVisible}. */
    long state(int page) {
        return states.getOrDefault(page, 0L) & ~1L;
    }

    /** Marks the page all-visible if it has not changed since {@code state} was read. */
    void markAllVisible(int page, long state) {
        if (state == 0) {
            states.putIfAbsent(page, 1L);
            states.replace(page, 0L, 1L);
        } else {
            states.replace(page, state, state | 1);
        }
    }

    boolean isAllVisible(int page) {
        Long s = states.get(page);
        return s != null && (s & 1) != 0;
    }
}
