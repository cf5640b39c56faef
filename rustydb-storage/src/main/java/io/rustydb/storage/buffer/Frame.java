package io.rustydb.storage.buffer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One buffer frame: a page-sized slice of an off-heap slab, its pin count, latch and dirty flag.
 *
 * <p>State machine, encoded in the pin count:
 * <pre>
 *            acquire (miss lock)              load/newPage: pin = 1, into page table
 *   FREE(-1) ------------------&gt; LOADING(-1) ---------------------------------&gt; PINNED(n &gt; 0)
 *      ^                                                                     |  ^
 *      |   write back if dirty, out of page table     CAS 0 -&gt; -1             | unpin / pin
 *      +------------------------------------- EVICTING(-1) &lt;------------- UNPINNED(0)
 * </pre>
 * Invariants:
 * <ol>
 *   <li>{@code pageNo} changes only while the pin count is -1, under the pool's miss lock.</li>
 *   <li>A frame is in the page table iff its pin count is &gt;= 0 (or it is being evicted under the miss lock).</li>
 *   <li>The latch is held only by a thread that holds a pin, so a frame with pin count 0 is unlatched.</li>
 *   <li>{@code dirty} is set under the write latch and cleared only by a writer-back holding a pin and the read
 *       latch, or by the evictor of an unpinned frame.</li>
 * </ol>
 */
final class Frame {
    final int id;
    final ByteBuffer buffer;
    final ByteBuffer readOnlyView;
    final AtomicInteger pin = new AtomicInteger(-1);
    final ReentrantReadWriteLock latch = new ReentrantReadWriteLock();
    volatile int pageNo;
    volatile boolean dirty;

    Frame(int id, ByteBuffer slice) {
        this.id = id;
        this.buffer = slice.order(ByteOrder.LITTLE_ENDIAN);
        this.readOnlyView = slice.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Pins the frame if it is in a pinnable state and still holds {@code expectedPage}. */
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
