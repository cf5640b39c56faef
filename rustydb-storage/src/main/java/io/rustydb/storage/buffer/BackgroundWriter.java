package io.rustydb.storage.buffer;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The background writer of one {@link BufferPool}: a daemon thread named {@code rustydb-bgwriter-<name>} that wakes
 * every interval and runs {@link BufferPool#backgroundRound()} (write dirty unpinned pages, WAL hook first), so that
 * evictions seldom have to write a page themselves and a flush has less to do.
 *
 * <p>States: RUNNING --requestStop()--&gt; STOPPING --(round ends, loop sees the flag)--&gt; TERMINATED. The thread is
 * never interrupted (an interrupt during {@code FileChannel} I/O would close the channel); it is woken with
 * {@code unpark}. Errors never escape the thread: {@link BufferPool#backgroundRound()} records them for the next
 * flush or close.
 */
final class BackgroundWriter implements Runnable {
    private final BufferPool pool;
    private final long intervalNanos;
    private final Thread thread;
    private volatile boolean stop;

    BackgroundWriter(BufferPool pool, String name, long intervalMillis) {
        this.pool = pool;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.thread = new Thread(this, "rustydb-bgwriter-" + name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        while (!stop) {
            LockSupport.parkNanos(this, intervalNanos);
            if (stop) {
                break;
            }
            pool.backgroundRound();
        }
    }

    /** Asks the thread to stop after its current round; does not wait. */
    void requestStop() {
        stop = true;
        LockSupport.unpark(thread);
    }

    /** Waits for the thread to end (it ends after at most one round once stopped). */
    void join() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isAlive() {
        return thread.isAlive();
    }
}
