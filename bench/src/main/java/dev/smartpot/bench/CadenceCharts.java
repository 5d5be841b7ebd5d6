package dev.smartpot.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.smartpot.bench.plot.PercentileChart;
import dev.smartpot.bench.plot.TimeChart;

/**
 * The cadence benchmark's charts: each build's readings (delay against when they were taken, the broker's outage
 * shaded), the worst delay per second of every build on one chart, and their percentiles side by side.
 */
final class CadenceCharts {

    static final int WIDTH = 900;
    static final int HEIGHT = 420;

    private final Path dir;
    /** "restart" or "freeze": names the files and the shaded span. */
    private final String outage;

    CadenceCharts(Path dir, String outage) {
        this.dir = dir;
        this.outage = outage;
    }

    /** Writes the charts; returns their files, each build's first, then the worst-per-second and percentile charts. */
    List<Path> write(List<CadenceRun.Result> results) {
        List<Path> files = new ArrayList<>();
        TimeChart worst = new TimeChart("Worst sampling delay per second, every pot (broker "
                + (outage.equals("freeze") ? "frozen" : "stopped") + " at 0 s)", "delay (s)");
        PercentileChart percentiles = new PercentileChart("Sampling delay by percentile, whole run", "delay (ms)").logY();
        double downFrom = 0;
        double downTo = 0;
        for (CadenceRun.Result r : results) {
            long origin = r.stoppedWallMs();
            downTo = Math.max(downTo, (r.startedWallMs() - origin) / 1000.0);
            double[][] points = points(r, origin);
            files.add(new TimeChart("Sampling delay of each reading: " + r.side() + " (" + r.delays().count + " readings)",
                    "delay (s)").span(spanLabel(), downFrom, (r.startedWallMs() - origin) / 1000.0)
                    .dots(r.side(), points[0], points[1])
                    .writePng(dir.resolve("cadence-" + outage + "-" + slug(r.side()) + ".png"), WIDTH, HEIGHT));
            double[][] perSecond = worstPerSecond(points);
            worst.dots(r.side(), perSecond[0], perSecond[1]);
            percentiles.add(r.side(), r.delays().delaysBetween(r.allHeardWallMs(), r.endWallMs()));
        }
        worst.span(spanLabel(), downFrom, downTo);
        files.add(worst.writePng(dir.resolve("cadence-" + outage + "-worst.png"), WIDTH, HEIGHT));
        files.add(percentiles.writePng(dir.resolve("cadence-" + outage + "-percentiles.png"), WIDTH, HEIGHT));
        return files;
    }

    private String spanLabel() {
        return outage.equals("freeze") ? "broker frozen" : "broker down";
    }

    /** Seconds from the broker's stop, and delay in seconds, of the readings taken in the measured window. */
    private static double[][] points(CadenceRun.Result r, long originWallMs) {
        SamplingDelays d = r.delays();
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < d.count; i++) {
            if (d.takenWallMs[i] >= r.allHeardWallMs() && d.takenWallMs[i] < r.endWallMs()) {
                kept.add(new double[] {(d.takenWallMs[i] - originWallMs) / 1000.0, d.delayMs[i] / 1000.0});
            }
        }
        kept.sort((a, b) -> Double.compare(a[0], b[0]));
        double[][] xy = new double[2][kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            xy[0][i] = kept.get(i)[0];
            xy[1][i] = kept.get(i)[1];
        }
        return xy;
    }

    /**
     * The largest delay among the readings taken in each whole second (seconds sorted, as {@link #points} gives). Drawn
     * as dots: a second in which no reading was taken has none (a line would draw a slope across an outage).
     */
    private static double[][] worstPerSecond(double[][] points) {
        List<double[]> seconds = new ArrayList<>();
        for (int i = 0; i < points[0].length; i++) {
            double second = Math.floor(points[0][i]);
            if (seconds.isEmpty() || seconds.get(seconds.size() - 1)[0] != second) {
                seconds.add(new double[] {second, points[1][i]});
            } else {
                double[] last = seconds.get(seconds.size() - 1);
                last[1] = Math.max(last[1], points[1][i]);
            }
        }
        double[][] xy = new double[2][seconds.size()];
        for (int i = 0; i < seconds.size(); i++) {
            xy[0][i] = seconds.get(i)[0];
            xy[1][i] = seconds.get(i)[1];
        }
        return xy;
    }

    /** A build's name as a file name: letters and digits, the rest as dashes. */
    static String slug(String side) {
        String s = side.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "build" : s;
    }
}
