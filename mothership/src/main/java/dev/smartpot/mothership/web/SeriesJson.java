package dev.smartpot.mothership.web;

import dev.smartpot.mothership.api.Series;

/**
 * A {@link Series} for JSON: NaN (an empty bucket) is not valid JSON, so it becomes null, which uPlot
 * draws as a gap.
 */
record SeriesJson(String potId, String resolution, long[] time, Double[] avg, Double[] min, Double[] max) {

    static SeriesJson of(Series s) {
        return new SeriesJson(s.potId(), s.resolution(), s.time(), nullForNaN(s.avg()), nullForNaN(s.min()), nullForNaN(s.max()));
    }

    private static Double[] nullForNaN(double[] values) {
        Double[] out = new Double[values == null ? 0 : values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Double.isNaN(values[i]) ? null : values[i];
        }
        return out;
    }
}
