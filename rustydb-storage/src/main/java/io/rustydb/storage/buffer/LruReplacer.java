package io.rustydb.storage.buffer;

/** Least-recently-used replacement: evicts the evictable frame whose last access is oldest. */
public final class LruReplacer implements Replacer {
    private final FrameList list;
    private final boolean[] evictable;
    private int evictableCount;

    public LruReplacer(int capacity) {
        list = new FrameList(capacity, 1);
        evictable = new boolean[capacity];
    }

    @Override
    public void recordAccess(int frameId, long pageNo) {
        list.addNewest(0, frameId);
    }

    @Override
    public void setEvictable(int frameId, boolean value) {
        if (list.listOf(frameId) < 0 || evictable[frameId] == value) {
            return;
        }
        evictable[frameId] = value;
        evictableCount += value ? 1 : -1;
    }

    @Override
    public int evict(long incomingPageNo, VictimFilter filter) {
        for (int f = list.oldest(0); f >= 0; f = list.newer(f)) {
            if (evictable[f] && filter.tryClaim(f)) {
                remove(f);
                return f;
            }
        }
        return NO_FRAME;
    }

    @Override
    public void remove(int frameId) {
        if (list.listOf(frameId) < 0) {
            return;
        }
        list.remove(frameId);
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
        return "LRU";
    }
}
