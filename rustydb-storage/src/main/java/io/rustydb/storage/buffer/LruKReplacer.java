package io.rustydb.storage.buffer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * LRU-K (E. O'Neil, P. O'Neil, G. Weikum, SIGMOD 1993): evicts the frame whose K-th most recent access is oldest
 * (largest backward K-distance). Frames with fewer than K accesses have infinite distance and go first, oldest first
 * access first. The access history of evicted pages is retained for up to {@code capacity} pages (the paper's
 * "retained information"), so a page that returns soon keeps its history. Eviction scans all frames: O(frames).
 */
public final class LruKReplacer implements Replacer {
    private final int k;
    private final boolean[] tracked;
    private final boolean[] evictable;
    private final long[] framePage;
    /** history[f * k + i]: the i-th most recent access time of frame f (0 = most recent); 0 = none. */
    private final long[] history;
    private final Map<Long, long[]> retained;
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
    public int evict() {
        if (evictableCount == 0) {
            return NO_FRAME;
        }
        int victim = -1;
        boolean victimInfinite = false;
        long victimKey = Long.MAX_VALUE;
        for (int f = 0; f < tracked.length; f++) {
            if (!tracked[f] || !evictable[f]) {
                continue;
            }
            long kth = history[f * k + k - 1];
            boolean infinite = kth == 0;
            long key = infinite ? oldestAccess(f) : kth;
            if (victim < 0 || (infinite && !victimInfinite) || (infinite == victimInfinite && key < victimKey)) {
                victim = f;
                victimInfinite = infinite;
                victimKey = key;
            }
        }
        if (victim >= 0) {
            long[] h = new long[k];
            System.arraycopy(history, victim * k, h, 0, k);
            retained.put(framePage[victim], h);
            remove(victim);
        }
        return victim;
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
