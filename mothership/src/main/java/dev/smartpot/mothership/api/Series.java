package dev.smartpot.mothership.api;

/**
 * Chart data in columns (what uPlot draws): times in epoch seconds, moisture min/avg/max per bucket,
 * NaN where a bucket has no good reading.
 *
 * @param resolution "raw", "5m" or "1h"
 */
public record Series(String potId, String resolution, long[] time, double[] avg, double[] min, double[] max) {
}
