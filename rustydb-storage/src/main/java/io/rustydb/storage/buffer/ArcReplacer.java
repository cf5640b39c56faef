package io.rustydb.storage.buffer;

import java.util.Iterator;
import java.util.LinkedHashSet;

/**
 * Adaptive Replacement Cache (N. Megiddo, D. S. Modha, "ARC: A Self-Tuning, Low Overhead Replacement Cache",
 * FAST 2003), adapted to a buffer pool whose frames can be pinned.
 *
 * <pre>
 *   T1: resident pages seen once recently        B1: ghost page numbers recently evicted from T1
 *   T2: resident pages seen at least twice        B2: ghost page numbers recently evicted from T2
 *   p : adaptive target size of T1, 0..c
 *
 *   hit in T1 or T2            -> move to MRU of T2                          (case I)
 *   miss, page in B1           -> p += max(|B2|/|B1|, 1); load into T2          (case II)
 *   miss, page in B2           -> p -= max(|B1|/|B2|, 1); load into T2          (case III)
 *   miss, page in neither      -> trim ghosts (|T1|+|B1| &lt;= c, total &lt;= 2c); load into T1   (case IV)
 *   REPLACE (evict)            -> from T1's LRU end if |T1| &gt; p (or |T1| = p and the page is in B2),
 *                                 else from T2's; the victim's page number goes to B1 or B2
 * </pre>
 *
 * Pinned frames stay in their list but are skipped by REPLACE (the oldest evictable frame of the chosen list that
 * the victim filter accepts is taken; if that list has none, the other list is used). {@link #evict(long,
 * VictimFilter)} adapts {@code p} before choosing, as
 * in the paper, when the incoming page is a ghost; {@link #recordAccess} then does not adapt twice. Here c is the
 * number of frames.
 */
public final class ArcReplacer implements Replacer {
    private static final int T1 = 0;
    private static final int T2 = 1;
    private static final long NONE = NO_PAGE;

    private final int c;
    private final FrameList lists;
    private final long[] framePage;
    private final boolean[] evictable;
    private final LinkedHashSet<Long> b1 = new LinkedHashSet<>();
    private final LinkedHashSet<Long> b2 = new LinkedHashSet<>();
    private int p;
    private int evictableCount;
    private long adaptedFor = NONE;

    public ArcReplacer(int capacity) {
        this.c = capacity;
        this.lists = new FrameList(capacity, 2);
        this.framePage = new long[capacity];
        this.evictable = new boolean[capacity];
    }

    /** The current adaptive target size of T1 (for tests and statistics). */
    public int target() {
        return p;
    }

    int t1Size() {
        return lists.size(T1);
    }

    int t2Size() {
        return lists.size(T2);
    }

    int b1Size() {
        return b1.size();
    }

    int b2Size() {
        return b2.size();
    }

    @Override
    public void recordAccess(int frameId, long pageNo) {
        int l = lists.listOf(frameId);
        if (l >= 0) {
            if (framePage[frameId] == pageNo) {
                lists.addNewest(T2, frameId); // case I
                return;
            }
            remove(frameId);
        }
        framePage[frameId] = pageNo;
        Long key = pageNo;
        if (b1.contains(key)) {
            if (adaptedFor != pageNo) {
                adaptOnB1Hit();
            }
            b1.remove(key);
            lists.addNewest(T2, frameId);
        } else if (b2.contains(key)) {
            if (adaptedFor != pageNo) {
                adaptOnB2Hit();
            }
            b2.remove(key);
            lists.addNewest(T2, frameId);
        } else {
            if (lists.size(T1) + b1.size() >= c) {
                if (!b1.isEmpty()) {
                    removeOldest(b1);
                }
            } else if (lists.size(T1) + lists.size(T2) + b1.size() + b2.size() >= 2 * c && !b2.isEmpty()) {
                removeOldest(b2);
            }
            lists.addNewest(T1, frameId);
        }
        adaptedFor = NONE;
    }

    private void adaptOnB1Hit() {
        int delta = b1.size() >= b2.size() ? 1 : b2.size() / b1.size();
        p = Math.min(c, p + delta);
    }

    private void adaptOnB2Hit() {
        int delta = b2.size() >= b1.size() ? 1 : b1.size() / b2.size();
        p = Math.max(0, p - delta);
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
        boolean inB2 = false;
        if (incomingPageNo != NONE) {
            Long key = incomingPageNo;
            if (b1.contains(key)) {
                if (adaptedFor != incomingPageNo) {
                    adaptOnB1Hit();
                    adaptedFor = incomingPageNo;
                }
            } else if (b2.contains(key)) {
                inB2 = true;
                if (adaptedFor != incomingPageNo) {
                    adaptOnB2Hit();
                    adaptedFor = incomingPageNo;
                }
            }
        }
        int t1 = lists.size(T1);
        boolean fromT1 = t1 > 0 && (t1 > p || (inB2 && t1 == p));
        int victim = oldestEvictable(fromT1 ? T1 : T2, filter);
        int from = fromT1 ? T1 : T2;
        if (victim < 0) {
            from = fromT1 ? T2 : T1;
            victim = oldestEvictable(from, filter);
        }
        if (victim < 0) {
            return NO_FRAME;
        }
        long page = framePage[victim];
        remove(victim);
        (from == T1 ? b1 : b2).add(page);
        while (lists.size(T1) + b1.size() > c && !b1.isEmpty()) {
            removeOldest(b1);
        }
        while (lists.size(T1) + lists.size(T2) + b1.size() + b2.size() > 2 * c && !b2.isEmpty()) {
            removeOldest(b2);
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

    private static void removeOldest(LinkedHashSet<Long> ghost) {
        Iterator<Long> it = ghost.iterator();
        it.next();
        it.remove();
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
        return "ARC";
    }
}
