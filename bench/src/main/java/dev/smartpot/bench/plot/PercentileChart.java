package dev.smartpot.bench.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The value at each percentile of named sample sets, on a "nines" axis (0, 90, 99, 99.9 ... spread evenly)
 * so the tail a user feels is as wide as the median. One line per set: before and after side by side. On a
 * {@link #logY} axis, values at or below zero are drawn at the smallest positive one.
 */
public final class PercentileChart extends ReportChart<PercentileChart> {

    /** Points per decade of nines: 90 -> 99 gets as many as 0 -> 90. */
    private static final int POINTS_PER_NINE = 40;

    private final String valueLabel;
    private final List<String> names = new ArrayList<>();
    private final List<double[]> sortedSamples = new ArrayList<>();

    public PercentileChart(String title, String valueLabel) {
        super(title);
        this.valueLabel = valueLabel;
    }

    public PercentileChart add(String name, double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("sample set " + name + " is empty: leave it out or give it samples");
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        names.add(name);
        sortedSamples.add(sorted);
        return this;
    }

    @Override
    XYChart build(int width, int height) {
        XYChart chart = xyChart(width, height, "percentile (each step adds a nine)", valueLabel);
        chart.getStyler().setXAxisTickMarkSpacingHint(120);
        chart.setCustomXAxisTickLabelsFormatter(PercentileChart::tickLabel);
        for (int i = 0; i < names.size(); i++) {
            double[] sorted = sortedSamples.get(i);
            int nines = maxNines(sorted.length);
            int points = nines * POINTS_PER_NINE + 1;
            double[] xs = new double[points];
            double[] ys = new double[points];
            double floor = smallestPositive(sorted);
            for (int p = 0; p < points; p++) {
                double x = (double) p / POINTS_PER_NINE;
                xs[p] = x;
                double value = valueAt(sorted, 1 - Math.pow(10, -x));
                ys[p] = logY && value <= 0 ? floor : value;
            }
            XYSeries series = chart.addSeries(names.get(i) + " (n=" + sorted.length + ")", xs, ys);
            series.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /** Whole nines read as percentiles (p0, p90, p99, p99.9 ...); ticks between them stay blank. */
    private static String tickLabel(double nines) {
        if (Math.abs(nines - Math.rint(nines)) > 1e-9) {
            return "";
        }
        int whole = (int) Math.rint(nines);
        if (whole == 0) {
            return "p0";
        }
        StringBuilder label = new StringBuilder("p99");
        if (whole == 1) {
            return "p90";
        }
        if (whole > 2) {
            label.append('.');
            for (int i = 2; i < whole; i++) {
                label.append('9');
            }
        }
        return label.toString();
    }

    /** The value below which {@code fraction} of the samples lie (nearest rank). */
    public static double valueAt(double[] sorted, double fraction) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    /** As many nines as the samples can tell apart: 1,000 samples show up to p99.9. */
    private static int maxNines(int count) {
        return Math.max(1, (int) Math.floor(Math.log10(count)));
    }

    private static double smallestPositive(double[] sorted) {
        for (double value : sorted) {
            if (value > 0) {
                return value;
            }
        }
        return 1;
    }
}
