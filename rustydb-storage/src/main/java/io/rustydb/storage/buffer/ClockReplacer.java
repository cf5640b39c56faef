package io.rustydb.storage.buffer;

/**
 * CLOCK (second chance): a hand sweeps the frames; an accessed frame's reference bit buys it one more sweep.
 */
public final class ClockReplacer implements Replacer {
    private final boolean[] tracked;
    private final boolean[] referenced;
    private final boolean[] evictable;
    private int evictableCount;
    private int hand;

    public ClockReplacer(int capacity) {
        tracked = new boolean[capacity];
        referenced = new boolean[capacity];
        evictable = new boolean[capacity];
    }

    @Override
    public void recordAccess(int frameId, long pageNo) {
        tracked[frameId] = true;
        referenced[frameId] = true;
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
        int n = tracked.length;
        // two full sweeps are enough: the first clears every reference bit of evictable frames, the second offers
        // every evictable frame to the filter; a rejected (pinned) frame keeps its place
        for (int step = 0; step < 2 * n + 1; step++) {
            int f = hand;
            hand = (hand + 1) % n;
            if (!tracked[f] || !evictable[f]) {
                continue;
            }
            if (referenced[f]) {
                referenced[f] = false;
                continue;
            }
            if (!filter.tryClaim(f)) {
                continue;
            }
            remove(f);
            return f;
        }
        return NO_FRAME;
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
        referenced[frameId] = false;
    }

    @Override
    public int evictableCount() {
        return evictableCount;
    }

    @Override
    public String name() {
        return "CLOCK";
    }
}
