package dev.smartpot.bench.plot;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * How many samples fall in each bucket of value, for named sample sets side by side. The buckets are
 * given by their upper edges (e.g. 10, 100, 1000 ms): a last bucket gathers everything above.
 */
public final class HistogramChart {

    private final String title;
    private final String valueLabel;
    private final double[] upperEdges;
    private final List<String> names = new ArrayList<>();
    private final List<double[]> sampleSets = new ArrayList<>();
    private boolean logY;

    public HistogramChart(String title, String valueLabel, double... upperEdges) {
        if (upperEdges.length == 0) {
            throw new IllegalArgumentException("a histogram needs at least one bucket edge, e.g. 100, 1000");
        }
        for (int i = 1; i < upperEdges.length; i++) {
            if (upperEdges[i] <= upperEdges[i - 1]) {
                throw new IllegalArgumentException("bucket edges must rise: " + upperEdges[i - 1] + " then "
                        + upperEdges[i] + "; sort them from low to high");
            }
        }
        this.title = title;
        this.valueLabel = valueLabel;
        this.upperEdges = upperEdges.clone();
    }

    public HistogramChart add(String name, double[] samples) {
        names.add(name);
        sampleSets.add(samples.clone());
        return this;
    }

    /** A logarithmic count axis, so a bucket of 3 still shows next to one of 30,000. */
    public HistogramChart logY() {
        this.logY = true;
        return this;
    }

    public Path writePng(Path file, int width, int height) {
        Png.requirePngName(file);
        return Png.write(build(width, height), file);
    }

    CategoryChart build(int width, int height) {
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(valueLabel).yAxisTitle("samples").build();
        Styler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setYAxisLogarithmic(logY);
        if (logY) {
            // Bars grow from the axis floor; on a log axis that floor must be above zero (1 sample rises above it).
            chart.getStyler().setYAxisMin(0.5);
        }
        List<String> labels = labels();
        for (int i = 0; i < names.size(); i++) {
            List<Double> counts = new ArrayList<>();
            for (long count : counts(sampleSets.get(i))) {
                // A log axis cannot draw 0: an empty bucket is drawn as nothing (NaN) there.
                counts.add(logY && count == 0 ? Double.NaN : (double) count);
            }
            chart.addSeries(names.get(i), labels, counts);
        }
        return chart;
    }

    /** Samples per bucket: value <= edge[0], <= edge[1], ..., and one more for everything above. */
    long[] counts(double[] samples) {
        long[] counts = new long[upperEdges.length + 1];
        for (double value : samples) {
            int bucket = 0;
            while (bucket < upperEdges.length && value > upperEdges[bucket]) {
                bucket++;
            }
            counts[bucket]++;
        }
        return counts;
    }

    private List<String> labels() {
        List<String> labels = new ArrayList<>();
        for (double edge : upperEdges) {
            labels.add("<=" + number(edge));
        }
        labels.add(">" + number(upperEdges[upperEdges.length - 1]));
        return labels;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
