package dev.smartpot.bench.mothership;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Samples a running count every {@link #PERIOD_MS} on its own thread, for a plot of the rate over time
 * (and anything else worth a sample, such as resident memory, through {@link #also}).
 */
final class Sampler implements AutoCloseable {

    static final long PERIOD_MS = 250;

    private final LongSupplier count;
    private final Runnable also;
    private final long start = System.nanoTime();
    private final List<double[]> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    Sampler(LongSupplier count, Runnable also) {
        this.count = count;
        this.also = also;
        this.thread = new Thread(this::loop, "bench-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        double t = (System.nanoTime() - start) / 1e9;
        long n = count.getAsLong();
        also.run();
        synchronized (samples) {
            samples.add(new double[] {t, n});
        }
    }

    /** Seconds since the sampler started, one per sample. */
    double[] seconds() {
        return column(0);
    }

    /** Per second, over the last second before each sample (so a plot is not jagged by the sampling). */
    double[] ratePerSecond() {
        synchronized (samples) {
            double[] r = new double[samples.size()];
            int back = (int) (1000 / PERIOD_MS);
            for (int i = 0; i < r.length; i++) {
                double[] then = samples.get(Math.max(0, i - back));
                double[] now = samples.get(i);
                r[i] = now[0] == then[0] ? 0 : (now[1] - then[1]) / (now[0] - then[0]);
            }
            return r;
        }
    }

    private double[] column(int c) {
        synchronized (samples) {
            double[] out = new double[samples.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = samples.get(i)[c];
            }
            return out;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
    }
}
