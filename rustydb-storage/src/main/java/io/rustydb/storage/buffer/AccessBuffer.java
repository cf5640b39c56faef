package io.rustydb.storage.buffer;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Striped, bounded, lossy buffers of page accesses: the buffer pool's hit path records "frame f was read as page p"
 * here without a lock, and the records are replayed into the {@link Replacer} in batches under the replacer lock
 * (the read-buffer idea of Caffeine, after "BP-Wrapper", Ding et al., ICDE 2009).
 *
 * <p>Each thread maps (by its id) to one stripe, a ring of {@link #STRIPE_SIZE} entries:
 * <pre>
 *   entry (i64)  = frame id (high 32 bits) | page number (low 32 bits); 0 = empty (page numbers are &gt;= 1)
 *   writeCounter : claimed by writers with a CAS (a lost CAS drops the record: lossy, never waits)
 *   readCounter  : advanced only by the drainer, who holds the replacer lock
 *   full         : writeCounter - readCounter == STRIPE_SIZE; further records are dropped until a drain
 * </pre>
 * Invariants:
 * <ol>
 *   <li>{@code readCounter <= writeCounter <= readCounter + STRIPE_SIZE}.</li>
 *   <li>A writer stores its entry only into a slot it claimed, which the drainer has already zeroed.</li>
 *   <li>The drainer stops at the first slot that is claimed but not yet stored (still 0) and resumes there on the
 *       next drain, so no stored record is replayed twice or skipped.</li>
 * </ol>
 * Losing a record only loses recency information; eviction correctness never depends on it (the pin count does).
 */
final class AccessBuffer {
    /** Entries per stripe (a power of two). */
    static final int STRIPE_SIZE = 32;
    private static final int MASK = STRIPE_SIZE - 1;

    /** Consumes drained records. */
    @FunctionalInterface
    interface Sink {
        void accept(int frameId, int pageNo);
    }

    private static final class Stripe {
        final AtomicLong writeCounter = new AtomicLong();
        final AtomicLongArray slots = new AtomicLongArray(STRIPE_SIZE);
        volatile long readCounter;
    }

    private final Stripe[] stripes;
    private final int stripeMask;

    AccessBuffer() {
        int n = Integer.highestOneBit(Math.max(4, Math.min(64, Runtime.getRuntime().availableProcessors() * 2)) * 2 - 1);
        stripes = new Stripe[n];
        for (int i = 0; i < n; i++) {
            stripes[i] = new Stripe();
        }
        stripeMask = n - 1;
    }

    /**
     * Records an access; never blocks. Returns true if the caller's stripe is full and should be drained (the record
     * may have been dropped).
     */
    boolean offer(int frameId, int pageNo) {
        Stripe s = stripes[stripeIndex()];
        long head = s.readCounter;
        long tail = s.writeCounter.get();
        long size = tail - head;
        if (size >= STRIPE_SIZE) {
            return true;
        }
        if (s.writeCounter.compareAndSet(tail, tail + 1)) {
            s.slots.lazySet((int) (tail & MASK), ((long) frameId << 32) | (pageNo & 0xFFFFFFFFL));
            return size + 1 == STRIPE_SIZE;
        }
        return false; // contended: drop the record
    }

    /** Replays every stored record into {@code sink}. The caller holds the replacer lock. */
    void drain(Sink sink) {
        for (Stripe s : stripes) {
            long head = s.readCounter;
            long tail = s.writeCounter.get();
            while (head < tail) {
                int idx = (int) (head & MASK);
                long e = s.slots.get(idx);
                if (e == 0) {
                    break; // claimed, not yet stored (invariant 3)
                }
                s.slots.lazySet(idx, 0);
                head++;
                sink.accept((int) (e >>> 32), (int) e);
            }
            s.readCounter = head;
        }
    }

    @SuppressWarnings("deprecation") // Thread.getId(): threadId() needs Java 19
    private int stripeIndex() {
        long h = Thread.currentThread().getId() * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & stripeMask;
    }
}
