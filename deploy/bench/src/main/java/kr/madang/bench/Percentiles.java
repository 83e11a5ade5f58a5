package kr.madang.bench;

import java.util.Arrays;

/** Percentiles of a set of durations in milliseconds (exact: every sample is kept). */
record Percentiles(long count, double p50, double p95, double p99, double max) {

    static Percentiles of(double[] samples, int n) {
        if (n == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        return new Percentiles(n, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[n - 1]);
    }

    private static double at(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    @Override
    public String toString() {
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)", p50, p95, p99, max, count);
    }
}
