package dev.smartpot.bench;

import org.HdrHistogram.Histogram;

/** Latency samples in nanoseconds, summarised as a person reads them; percentiles from an HdrHistogram. */
final class Percentiles {

    /** Three significant digits: 1 us resolution at 1 ms, 1 ms at 1 s. */
    private static final int DIGITS = 3;

    final int count;
    final double p50Ms;
    final double p99Ms;
    final double maxMs;

    Percentiles(long[] nanos, int count) {
        Histogram histogram = new Histogram(DIGITS);
        for (int i = 0; i < count; i++) {
            histogram.recordValue(Math.max(0, nanos[i]));
        }
        this.count = count;
        this.p50Ms = count == 0 ? Double.NaN : histogram.getValueAtPercentile(50) / 1e6;
        this.p99Ms = count == 0 ? Double.NaN : histogram.getValueAtPercentile(99) / 1e6;
        this.maxMs = count == 0 ? Double.NaN : histogram.getMaxValue() / 1e6;
    }

    /** For samples in whole milliseconds: 0 reads "<1". */
    static String wholeMs(double ms) {
        return Double.isNaN(ms) ? "-" : ms < 1 ? "<1" : String.format("%.0f", ms);
    }

    static String ms(double ms) {
        return Double.isNaN(ms) ? "-" : ms < 10 ? String.format("%.2f", ms) : String.format("%.1f", ms);
    }
}
