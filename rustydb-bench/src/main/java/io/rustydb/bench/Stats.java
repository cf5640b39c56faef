package io.rustydb.bench;

import java.util.Arrays;

/** Summary of the measured rounds of one workload on one engine: median, extremes and quartiles. */
public record Stats(double[] samples, double median, double min, double max, double q1, double q3) {

    /** Summarises {@code samples} (at least one). Quartiles by linear interpolation between closest ranks. */
    public static Stats of(double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new Stats(samples.clone(), quantile(sorted, 0.5), sorted[0], sorted[sorted.length - 1],
                quantile(sorted, 0.25), quantile(sorted, 0.75));
    }

    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
