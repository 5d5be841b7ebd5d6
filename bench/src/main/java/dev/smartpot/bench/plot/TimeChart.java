package dev.smartpot.bench.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line or scatter chart of named series over time (seconds on the x axis), with optional shaded
 * spans that mark an event such as "broker down". Build it, add series, then {@link #writePng}. On a
 * {@link #logY} axis every value must be above zero.
 */
public final class TimeChart extends ReportChart<TimeChart> {

    private final String yLabel;
    private final List<Line> lines = new ArrayList<>();
    private final List<Span> spans = new ArrayList<>();

    private record Line(String name, double[] seconds, double[] values, boolean dots) {
    }

    private record Span(String label, double fromSeconds, double toSeconds) {
    }

    public TimeChart(String title, String yLabel) {
        super(title);
        this.yLabel = yLabel;
    }

    /** A series drawn as a line through its points (x in seconds, same length as values); a NaN value leaves a gap. */
    public TimeChart line(String name, double[] seconds, double[] values) {
        return add(new Line(name, seconds, values, false));
    }

    /** A series drawn as dots only: for many samples where a line would be a solid block. */
    public TimeChart dots(String name, double[] seconds, double[] values) {
        return add(new Line(name, seconds, values, true));
    }

    /** Shades the span from..to (seconds) and names it in the legend. */
    public TimeChart span(String label, double fromSeconds, double toSeconds) {
        spans.add(new Span(label, fromSeconds, toSeconds));
        return this;
    }

    @Override
    XYChart build(int width, int height) {
        XYChart chart = xyChart(width, height, "time (s)", yLabel);
        chart.getStyler().setMarkerSize(4);
        double[] yRange = yRange();
        for (Span span : spans) {
            addSpan(chart, span, yRange);
        }
        for (Line line : lines) {
            XYSeries series = chart.addSeries(line.name(), line.seconds(), line.values());
            if (line.dots()) {
                series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                series.setMarker(SeriesMarkers.CIRCLE);
            } else {
                series.setMarker(SeriesMarkers.NONE);
            }
        }
        return chart;
    }

    private static void addSpan(XYChart chart, Span span, double[] yRange) {
        double[] xs = {span.fromSeconds(), span.fromSeconds(), span.toSeconds(), span.toSeconds()};
        double[] ys = {yRange[0], yRange[1], yRange[1], yRange[0]};
        XYSeries series = chart.addSeries(span.label(), xs, ys);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        series.setMarker(SeriesMarkers.NONE);
        series.setFillColor(new Color(128, 128, 128, 50));
        series.setLineColor(new Color(96, 96, 96, 160));
        series.setLineStyle(new BasicStroke(1f));
    }

    /** The data's y range, so a span covers the plot from bottom to top without stretching it. */
    private double[] yRange() {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Line line : lines) {
            for (double value : line.values()) {
                if (Double.isNaN(value)) {
                    continue; // a gap in the line
                }
                low = Math.min(low, value);
                high = Math.max(high, value);
            }
        }
        if (low > high) {
            return new double[] {logY ? 1 : 0, 1};
        }
        return new double[] {logY ? low : Math.min(0, low), high};
    }

    private TimeChart add(Line line) {
        if (line.seconds().length != line.values().length) {
            throw new IllegalArgumentException("series " + line.name() + " has " + line.seconds().length
                    + " times but " + line.values().length + " values: pass one time per value");
        }
        if (line.seconds().length == 0) {
            throw new IllegalArgumentException("series " + line.name() + " is empty: leave it out or give it points");
        }
        lines.add(line);
        return this;
    }
}
