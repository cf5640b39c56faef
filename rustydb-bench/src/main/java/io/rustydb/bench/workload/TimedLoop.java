package io.rustydb.bench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Repeats an operation for a fixed time (at least once) and reports operations and elapsed time; on one thread
 * ({@link #run}) or on several started together ({@link #runConcurrently}).
 */
final class TimedLoop {
    interface Op {
        void run() throws Exception;
    }

    private TimedLoop() {
    }

    /** Returns {ops, elapsedNanos}. */
    static long[] run(long timeMs, Op op) throws Exception {
        long budget = timeMs * 1_000_000L;
        long start = System.nanoTime();
        long ops = 0;
        long elapsed;
        do {
            op.run();
            ops++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < budget);
        return new long[] {ops, elapsed};
    }

    /**
     * Runs {@code ops.get(t)} in a {@link #run time box} of {@code timeMs} on thread {@code t} (named
     * {@code name-t}), all threads released together by one latch. Returns {total ops of all threads, nanos from the
     * release to the end of the last thread}. If any thread fails, the others finish their box and the first failure
     * (by thread number) is thrown.
     */
    static long[] runConcurrently(long timeMs, List<? extends Op> ops, String name) throws Exception {
        int threads = ops.size();
        CountDownLatch start = new CountDownLatch(1);
        long[] counts = new long[threads];
        Exception[] failures = new Exception[threads];
        List<Thread> workers = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int me = t;
            Thread w = new Thread(() -> {
                try {
                    start.await();
                    counts[me] = run(timeMs, ops.get(me))[0];
                } catch (Exception e) {
                    failures[me] = e;
                }
            }, name + "-" + t);
            w.start();
            workers.add(w);
        }
        long begin = System.nanoTime();
        start.countDown();
        for (Thread w : workers) {
            w.join();
        }
        long elapsed = System.nanoTime() - begin;
        for (Exception e : failures) {
            if (e != null) {
                throw e;
            }
        }
        long total = 0;
        for (long n : counts) {
            total += n;
        }
        return new long[] {total, elapsed};
    }

    /** Milliseconds per operation. */
    static double msPerOp(long[] r) {
        return r[1] / 1e6 / r[0];
    }

    /** Operations per second. */
    static double perSecond(long[] r) {
        return r[0] * 1e9 / r[1];
    }
}
