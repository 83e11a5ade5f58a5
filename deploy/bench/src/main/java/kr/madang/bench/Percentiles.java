package kr.madang.bench;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles in milliseconds, from an HdrHistogram (microsecond resolution, 3 significant digits). Open-loop
 * latencies are recorded from the planned send time, so coordinated omission is corrected at the source.
 */
record Percentiles(long count, double p50, double p90, double p99, double p999, double max) {

    /** A histogram of microseconds, 1 µs to 10 min, 3 significant digits. */
    static Histogram histogram() {
        return new Histogram(1, 600_000_000L, 3);
    }

    static Percentiles of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Percentiles(h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
                ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
    }

    static Percentiles of(double[] samplesMillis, int n) {
        Histogram h = histogram();
        for (int i = 0; i < n; i++) {
            h.recordValue(Math.max(1, Math.min(600_000_000L, (long) (samplesMillis[i] * 1000))));
        }
        return of(h);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    @Override
    public String toString() {
        return String.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms (n=%d)", p50, p90, p99,
                p999, max, count);
    }
}
