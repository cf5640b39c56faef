package io.rustydb.bench.workload;

/** Repeats an operation for a fixed time (at least once) and reports operations and elapsed time. */
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

    /** Milliseconds per operation. */
    static double msPerOp(long[] r) {
        return r[1] / 1e6 / r[0];
    }

    /** Operations per second. */
    static double perSecond(long[] r) {
        return r[0] * 1e9 / r[1];
    }
}
