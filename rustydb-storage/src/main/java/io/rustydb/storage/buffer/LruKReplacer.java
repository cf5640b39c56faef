package io.rustydb.storage.buffer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LRU-K (E. O'Neil, P. O'Neil, G. Weikum, SIGMOD 1993): evicts the frame whose K-th most recent access is oldest
 * (largest backward K-distance). Frames with fewer than K accesses have infinite distance and go first, oldest first
 * access first. The access history of evicted pages is retained for up to {@code capacity} pages (the paper's
 * "retained information"), so a page that returns soon keeps its history. Eviction scans all frames: O(frames),
 * plus one more pass per candidate the victim filter rejects (a pinned frame), and a sort after eight rejections.
 */
public final class LruKReplacer implements Replacer {
    private final int k;
    private final boolean[] tracked;
    private final boolean[] evictable;
    private final long[] framePage;
    /** history[f * k + i]: the i-th most recent access time of frame f (0 = most recent); 0 = none. */
    private final long[] history;
    private final Map<Long, long[]> retained;
    /** Frames the filter rejected during the current {@link #evict} call. */
    private final boolean[] skipped;
    private final int[] skippedIds;
    private int skippedCount;
    private int evictableCount;
    private long clock;

    public LruKReplacer(int capacity, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1");
        }
        this.k = k;
        tracked = new boolean[capacity];
        evictable = new boolean[capacity];
        framePage = new long[capacity];
        history = new long[capacity * k];
        skipped = new boolean[capacity];
        skippedIds = new int[capacity];
        int limit = capacity;
        retained = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, long[]> eldest) {
                return size() > limit;
            }
        };
    }

    @Override
    public void recordAccess(int frameId, long pageNo) {
        int base = frameId * k;
        if (!tracked[frameId] || framePage[frameId] != pageNo) {
            if (tracked[frameId]) {
                remove(frameId);
            }
            tracked[frameId] = true;
            framePage[frameId] = pageNo;
            long[] old = retained.remove(pageNo);
            for (int i = 0; i < k; i++) {
                history[base + i] = old == null ? 0 : old[i];
            }
        }
        System.arraycopy(history, base, history, base + 1, k - 1);
        history[base] = ++clock;
    }

    @Override
    public void setEvictable(int frameId, boolean value) {
        if (!tracked[frameId] || evictable[frameId] == value) {
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
        // usual case: the best candidate is accepted at once. Each rejection (a pinned frame) costs another O(frames)
        // pass; after a few, sort the remaining candidates once instead (O(frames log frames), allocates).
        int rejected = 0;
        int victim = NO_FRAME;
        try {
            for (;;) {
                int best = best();
                if (best < 0) {
                    break;
                }
                if (filter.tryClaim(best)) {
                    victim = best;
                    break;
                }
                skip(best);
                if (++rejected == 8) {
                    victim = evictInOrder(filter);
                    break;
                }
            }
        } finally {
            for (int i = 0; i < skippedCount; i++) {
                skipped[skippedIds[i]] = false;
            }
            skippedCount = 0;
        }
        if (victim >= 0) {
            long[] h = new long[k];
            System.arraycopy(history, victim * k, h, 0, k);
            retained.put(framePage[victim], h);
            remove(victim);
        }
        return victim;
    }

    private boolean candidate(int f) {
        return tracked[f] && evictable[f] && !skipped[f];
    }

    private void skip(int f) {
        skipped[f] = true;
        skippedIds[skippedCount++] = f;
    }

    /** True if frame a should be evicted before frame b. */
    private boolean before(int a, int b) {
        boolean infA = history[a * k + k - 1] == 0;
        boolean infB = history[b * k + k - 1] == 0;
        if (infA != infB) {
            return infA;
        }
        return key(a) < key(b);
    }

    private long key(int f) {
        long kth = history[f * k + k - 1];
        return kth == 0 ? oldestAccess(f) : kth;
    }

    /** The best candidate (largest backward K-distance), or -1. */
    private int best() {
        int victim = -1;
        for (int f = 0; f < tracked.length; f++) {
            if (candidate(f) && (victim < 0 || before(f, victim))) {
                victim = f;
            }
        }
        return victim;
    }

    private int evictInOrder(VictimFilter filter) {
        List<Integer> order = new ArrayList<>();
        for (int f = 0; f < tracked.length; f++) {
            if (candidate(f)) {
                order.add(f);
            }
        }
        order.sort((a, b) -> a.equals(b) ? 0 : before(a, b) ? -1 : 1);
        for (int f : order) {
            if (filter.tryClaim(f)) {
                return f;
            }
        }
        return NO_FRAME;
    }

    private long oldestAccess(int f) {
        long oldest = Long.MAX_VALUE;
        for (int i = 0; i < k; i++) {
            long t = history[f * k + i];
            if (t != 0 && t < oldest) {
                oldest = t;
            }
        }
        return oldest;
    }

    @Override
    public void remove(int frameId) {
        if (!tracked[frameId]) {
            return;
        }
        if (evictable[frameId]) {
            evictable[frameId] = false;
            evictableCount--;
        }
        tracked[frameId] = false;
    }

    @Override
    public int evictableCount() {
        return evictableCount;
    }

    @Override
    public String name() {
        return "LRU-" + k;
    }
}
