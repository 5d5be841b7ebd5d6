package dev.smartpot.bench.mothership;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The mothership back after an outage: 1,000 pots at one reading per 5 s for an hour is 720,000 readings held by
 * the broker in the mothership's persistent session. The shipped mothership subscribes once and stops (SIGTERM,
 * as systemd does); the readings are published as fast as the broker takes them (the hour's backlog, compressed);
 * then the mothership starts again and drains it. Measured: the drain's time and rate (from its process start and
 * from its first stored reading; it waits for every reading, and fails when none arrives for 60 s), its resident
 * memory, and the dashboard's API
 * ({@code GET /api/pots}) answer times while it drains. {@code OutageDrainBench [--quick]} (--quick: 72,000);
 * prints Markdown.
 */
public final class OutageDrainBench {

    private static final int POTS = 1_000;
    private static final int PUBLISHERS = 4;

    public static void main(String[] args) {
        try {
            run(List.of(args).contains("--quick") ? 72 : 720);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(int perPot) throws Exception {
        long total = (long) POTS * perPot;
        Path data = Files.createTempDirectory("bench-mship-outage").resolve("shipped");
        String opts = System.getenv("BENCH_MOTHERSHIP_JAVA_OPTS");
        try (BenchBroker broker = BenchBroker.start();
             ReadingPublishers pub = new ReadingPublishers(broker.port, PUBLISHERS, "bench-outage-")) {
            try (MothershipProcess first = MothershipProcess.start(broker, data, opts)) {
                long deadline = System.nanoTime() + 60_000_000_000L;
                for (int seq = 0; first.stored() == 0; seq++) {
                    first.requireAlive();
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("no probe reading stored in 60 s:\n" + first.log());
                    }
                    pub.probe(seq);
                    Thread.sleep(200);
                }
                Thread.sleep(1_000); // the probes still on their way are stored by this process too
            }
            long t0 = System.nanoTime();
            pub.flood(POTS, 0, perPot);
            double publishSeconds = (System.nanoTime() - t0) / 1e9;
            System.err.println("outage bench: " + total + " readings held by the broker, published in " + publishSeconds + " s");

            long start = System.nanoTime();
            try (MothershipProcess m = MothershipProcess.start(broker, data, opts)) {
                ProcStats stats = m.stats();
                double peakRss = 0;
                long firstAt = 0;
                List<Double> answersMs = new ArrayList<>();
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                HttpRequest pots = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.httpPort + "/api/pots"))
                        .timeout(Duration.ofSeconds(30)).build();
                java.util.Map<String, Integer> failed = new java.util.TreeMap<>();
                long lastCount = -1;
                long lastGrowth = System.nanoTime();
                // Its count starts at its start: the probes were the first process's.
                while (m.stored() < total) {
                    m.requireAlive();
                    long now = m.stored();
                    if (now != lastCount) {
                        lastCount = now;
                        lastGrowth = System.nanoTime();
                    } else if (System.nanoTime() - lastGrowth > 60_000_000_000L) {
                        throw new IllegalStateException("the drain stalled for 60 s: stored " + now
                                + " of " + total + "; its log ends:\n" + m.logTail(6));
                    }
                    peakRss = Math.max(peakRss, stats.rssMb());
                    if (firstAt == 0 && m.stored() > 0) {
                        firstAt = System.nanoTime();
                    }
                    if (firstAt != 0) {
                        long a = System.nanoTime();
                        try {
                            HttpResponse<Void> r = http.send(pots, HttpResponse.BodyHandlers.discarding());
                            if (r.statusCode() == 200) {
                                answersMs.add((System.nanoTime() - a) / 1e6);
                            } else {
                                failed.merge("HTTP " + r.statusCode(), 1, Integer::sum);
                            }
                        } catch (java.io.IOException e) {
                            failed.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                        }
                    }
                    Thread.sleep(200);
                }
                long end = System.nanoTime();
                double fromStart = (end - start) / 1e9;
                double fromFirst = (end - firstAt) / 1e9;
                double[] sorted = answersMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                System.out.println(String.format(Locale.ROOT, "| Backlog after an outage: %,d readings (%,d pots x %d)"
                        + " held by the broker | published in %.1f s | drained in %.1f s from the mothership's start"
                        + " (%.1f s from its first stored reading): **%,.0f readings/s**, every one stored | resident memory peak"
                        + " %.0f MB | `GET /api/pots` during the drain: %d answers, p50 %.0f ms, p99 %.0f ms, max %.0f ms,"
                        + " failed: %s |", total, POTS, perPot, publishSeconds, fromStart, fromFirst, total / fromFirst,
                        peakRss, sorted.length, IngestBench.percentile(sorted, 50),
                        IngestBench.percentile(sorted, 99), sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1],
                        failed.isEmpty() ? "none" : failed));
            }
        }
    }
}
