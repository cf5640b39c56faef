package io.rustydb.storage.buffer;

import java.util.Iterator;
import java.util.LinkedHashSet;

/**
 * Full 2Q (T. Johnson, D. Shasha, VLDB 1994): new pages enter the FIFO A1in; pages evicted from A1in are remembered
 * in the ghost FIFO A1out; a page referenced again while in A1out is loaded into the LRU list Am. Hits inside A1in
 * do not promote (correlated references). Kin = c/4, Kout = c/2 as the paper recommends.
 */
public final class TwoQReplacer implements Replacer {
    private static final int A1IN = 0;
    private static final int AM = 1;

    private final FrameList lists;
    private final long[] framePage;
    private final boolean[] evictable;
    private final LinkedHashSet<Long> a1out = new LinkedHashSet<>();
    private final int kin;
    private final int kout;
    private int evictableCount;

    public TwoQReplacer(int capacity) {
        lists = new FrameList(capacity, 2);
        framePage = new long[capacity];
        evictable = new boolean[capacity];
        kin = Math.max(1, capacity / 4);
        kout = Math.max(1, capacity / 2);
    }

    @Override
    public void recordAccess(int frameId, long pageNo) {
        int l = lists.listOf(frameId);
        if (l >= 0) {
            if (framePage[frameId] == pageNo) {
                if (l == AM) {
                    lists.addNewest(AM, frameId);
                }
                return;
            }
            remove(frameId);
        }
        framePage[frameId] = pageNo;
        lists.addNewest(a1out.remove(pageNo) ? AM : A1IN, frameId);
    }

    @Override
    public void setEvictable(int frameId, boolean value) {
        if (lists.listOf(frameId) < 0 || evictable[frameId] == value) {
            return;
        }
        evictable[frameId] = value;
        evictableCount += value ? 1 : -1;
    }

    @Override
    public int evict(long incomingPageNo, VictimFilter filter) {
        if (evictableCount == 0) {
            return NO_FRAME;
        }
        int first = lists.size(A1IN) > kin ? A1IN : AM;
        int victim = oldestEvictable(first, filter);
        int from = first;
        if (victim < 0) {
            from = first == A1IN ? AM : A1IN;
            victim = oldestEvictable(from, filter);
        }
        if (victim < 0) {
            return NO_FRAME;
        }
        long page = framePage[victim];
        remove(victim);
        if (from == A1IN) {
            a1out.add(page);
            if (a1out.size() > kout) {
                Iterator<Long> it = a1out.iterator();
                it.next();
                it.remove();
            }
        }
        return victim;
    }

    private int oldestEvictable(int list, VictimFilter filter) {
        for (int f = lists.oldest(list); f >= 0; f = lists.newer(f)) {
            if (evictable[f] && filter.tryClaim(f)) {
                return f;
            }
        }
        return -1;
    }

    @Override
    public void remove(int frameId) {
        if (lists.listOf(frameId) < 0) {
            return;
        }
        lists.remove(frameId);
        if (evictable[frameId]) {
            evictable[frameId] = false;
            evictableCount--;
        }
    }

    @Override
    public int evictableCount() {
        return evictableCount;
    }

    @Override
    public String name() {
        return "2Q";
    }
}
