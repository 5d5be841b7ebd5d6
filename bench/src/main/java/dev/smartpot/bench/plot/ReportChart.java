package dev.smartpot.bench.plot;

import java.awt.Color;
import java.nio.file.Path;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * What every chart of the report shares: a title, a linear or logarithmic value axis, one look (white page, legend
 * inside the plot), and the PNG it is written to.
 *
 * @param <T> the chart itself, so {@link #logY} chains
 */
abstract class ReportChart<T extends ReportChart<T>> {

    final String title;
    boolean logY;

    ReportChart(String title) {
        this.title = title;
    }

    /** A logarithmic value axis; each chart says how it draws a value at or below zero. */
    @SuppressWarnings("unchecked")
    public T logY() {
        this.logY = true;
        return (T) this;
    }

    /** Writes the chart as a PNG ({@code file} must end in .png); returns the file. */
    public Path writePng(Path file, int width, int height) {
        return Png.write(build(width, height), file);
    }

    abstract Chart<?, ?> build(int width, int height);

    /** An empty line chart in the report's look, its legend top left. */
    XYChart xyChart(int width, int height, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(chart.getStyler(), Styler.LegendPosition.InsideNW);
        return chart;
    }

    /** The report's look: white page, the legend where the chart's data leaves room, the value axis's scale. */
    void style(AxesChartStyler styler, Styler.LegendPosition legend) {
        styler.setLegendPosition(legend);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setYAxisLogarithmic(logY);
    }
}
