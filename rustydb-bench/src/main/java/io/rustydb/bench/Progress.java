package io.rustydb.bench;

import java.io.PrintStream;

/** A one-line progress bar on stderr, redrawn in place; silent when disabled (stderr not a terminal). */
final class Progress {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final boolean enabled;
    private final long total;
    private final long startNanos = System.nanoTime();
    private long done;

    Progress(PrintStream err, boolean enabled, long total) {
        this.err = err;
        this.enabled = enabled;
        this.total = Math.max(1, total);
    }

    /** Shows {@code label} as the step now running. */
    void show(String label) {
        if (!enabled) {
            return;
        }
        int filled = (int) (WIDTH * done / total);
        long secs = (System.nanoTime() - startNanos) / 1_000_000_000L;
        String line = String.format("\r[%s%s] %3d%% %3ds  %-48s", "#".repeat(filled), " ".repeat(WIDTH - filled),
                100 * done / total, secs, label.length() > 48 ? label.substring(0, 48) : label);
        err.print(line);
        err.flush();
    }

    void step() {
        done++;
    }

    void finish() {
        if (enabled) {
            err.print("\r" + " ".repeat(WIDTH + 64) + "\r");
            err.flush();
        }
    }
}
