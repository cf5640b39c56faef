package io.rustydb.storage.buffer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One buffer frame: a page-sized slice of an off-heap slab, its pin count, latch, dirty flag and write-back lock.
 *
 * <p>State machine, encoded in the pin count (-1 = owned by exactly one thread, not pinnable):
 * <pre>
 *                 acquireFrame                      load / newPage: read, verify, record in replacer,
 *   FREE(-1) ----------------------&gt; OWNED(-1) ---- pin = 1, page table: PendingIo -&gt; frame ------&gt; PINNED(n &gt; 0)
 *      ^  (free queue / new slab)        ^   |                                                      |   ^
 *      |                                 |   | load failed: back to the free queue                  |   | tryPin
 *      +---------------------------------|---+                                     unpin to 0       v   |
 *                                        |                                                       UNPINNED(0)
 *                   write back if dirty, |                                                            |
 *                   out of page table    +------------------- EVICTING(-1) &lt;---- claim: CAS 0 -&gt; -1 --+
 *                   (BufferPool.evictClaimed)                 page table: frame -&gt; PendingIo
 * </pre>
 * Invariants (cited as "Frame invariant N" in {@link BufferPool}):
 * <ol>
 *   <li>{@code pageNo} changes only while the pin count is -1, by the one thread that owns the frame.</li>
 *   <li>The page table maps page p to this frame only while {@code pageNo == p} and the pin count is &gt;= 0, except
 *       for the instant between a claim (CAS 0 -&gt; -1) and the claimer's swap to a {@code PendingIo}.</li>
 *   <li>The latch is held only by a thread that holds a pin, so a frame with pin count 0 or -1 is unlatched and its
 *       bytes are stable for the thread that owns it.</li>
 *   <li>{@code dirty} is set under the write latch and cleared only by a writer-back holding a pin, the read latch
 *       and {@code ioLock}, or by the owner of a claimed (-1) frame.</li>
 *   <li>A pin taken by {@link #tryPin} on a frame that no longer holds the expected page is dropped at once
 *       (a transient pin); it never blocks a claim for longer than that.</li>
 *   <li>A frame is claimable (pin count 0) only while the page table maps its page to it: a loader publishes the
 *       frame pinned (pin count 1), swaps it into the page table, and only then may drop that pin (a prefetch does).
 *       Otherwise an evictor could claim and reuse it before it is mapped, and the page would end up mapped to a
 *       frame holding another page.</li>
 * </ol>
 */
final class Frame {
    final int id;
    final ByteBuffer buffer;
    final ByteBuffer readOnlyView;
    final AtomicInteger pin = new AtomicInteger(-1);
    final ReentrantReadWriteLock latch = new ReentrantReadWriteLock();
    /** Serialises write-backs of this frame by pinned writers (flush, background writer). */
    final ReentrantLock ioLock = new ReentrantLock();
    volatile int pageNo;
    volatile boolean dirty;

    Frame(int id, ByteBuffer slice) {
        this.id = id;
        this.buffer = slice.order(ByteOrder.LITTLE_ENDIAN);
        this.readOnlyView = slice.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Pins the frame if it is in a pinnable state and still holds {@code expectedPage} (invariant 5). */
    boolean tryPin(int expectedPage) {
        for (;;) {
            int c = pin.get();
            if (c < 0) {
                return false;
            }
            if (pin.compareAndSet(c, c + 1)) {
                if (pageNo == expectedPage) {
                    return true;
                }
                pin.decrementAndGet();
                return false;
            }
        }
    }
}
