package io.rustydb.storage.buffer;

import java.util.concurrent.CountDownLatch;

/**
 * A page-table placeholder for a page whose I/O is in flight: being read into a frame (a miss), or being written
 * back by an evictor. A thread that wants the page waits for this one I/O only, then looks the page up again.
 * Completed exactly once, in a {@code finally} block of the thread that created it, so a waiter never hangs on a
 * failed load.
 */
final class PendingIo {
    private final CountDownLatch done = new CountDownLatch(1);

    void complete() {
        done.countDown();
    }

    /** Waits until {@link #complete()}; an interrupt is remembered and re-asserted, not thrown. */
    void await() {
        boolean interrupted = false;
        for (;;) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
