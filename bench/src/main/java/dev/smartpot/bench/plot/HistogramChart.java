package dev.smartpot.bench.plot;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * How many samples fall in each bucket of value, for named sample sets side by side. The buckets are
 * given by their upper edges (e.g. 10, 100, 1000 ms): a last bucket gathers everything above. A {@link #logY}
 * count axis shows a bucket of 3 next to one of 30,000.
 */
public final class HistogramChart extends ReportChart<HistogramChart> {

    private final String valueLabel;
    private final double[] upperEdges;
    private final List<String> names = new ArrayList<>();
    private final List<double[]> sampleSets = new ArrayList<>();

    public HistogramChart(String title, String valueLabel, double... upperEdges) {
        super(title);
        if (upperEdges.length == 0) {
            throw new IllegalArgumentException("a histogram needs at least one bucket edge, e.g. 100, 1000");
        }
        for (int i = 1; i < upperEdges.length; i++) {
            if (upperEdges[i] <= upperEdges[i - 1]) {
                throw new IllegalArgumentException("bucket edges must rise: " + upperEdges[i - 1] + " then "
                        + upperEdges[i] + "; sort them from low to high");
            }
        }
        this.valueLabel = valueLabel;
        this.upperEdges = upperEdges.clone();
    }

    public HistogramChart add(String name, double[] samples) {
        names.add(name);
        sampleSets.add(samples.clone());
        return this;
    }

    @Override
    CategoryChart build(int width, int height) {
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(valueLabel).yAxisTitle("samples").build();
        style(chart.getStyler(), Styler.LegendPosition.InsideNE);
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
