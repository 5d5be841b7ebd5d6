package dev.smartpot.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds, summarised as a person reads them. */
final class Percentiles {

    final int count;
    final double p50Ms;
    final double p99Ms;
    final double maxMs;

    Percentiles(long[] nanos, int count) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        this.count = count;
        this.p50Ms = count == 0 ? Double.NaN : sorted[rank(count, 0.50)] / 1e6;
        this.p99Ms = count == 0 ? Double.NaN : sorted[rank(count, 0.99)] / 1e6;
        this.maxMs = count == 0 ? Double.NaN : sorted[count - 1] / 1e6;
    }

    /** Nearest-rank percentile. */
    private static int rank(int n, double p) {
        return Math.max(0, Math.min(n - 1, (int) Math.ceil(p * n) - 1));
    }

    /** For samples in whole milliseconds: 0 reads "<1". */
    static String wholeMs(double ms) {
        return Double.isNaN(ms) ? "-" : ms < 1 ? "<1" : String.format("%.0f", ms);
    }

    static String ms(double ms) {
        return Double.isNaN(ms) ? "-" : ms < 10 ? String.format("%.2f", ms) : String.format("%.1f", ms);
    }
}
