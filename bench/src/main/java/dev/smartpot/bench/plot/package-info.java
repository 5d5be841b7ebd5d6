/**
 * Charts for the benchmark report, rendered headless to PNG with XChart: {@link
 * dev.smartpot.bench.plot.TimeChart} (series over time with shaded event spans), {@link
 * dev.smartpot.bench.plot.PercentileChart} (value at each percentile) and {@link
 * dev.smartpot.bench.plot.HistogramChart} (samples per bucket). Self-contained: no other bench class is used.
 */
package dev.smartpot.bench.plot;
