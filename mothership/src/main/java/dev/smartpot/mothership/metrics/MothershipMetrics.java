package dev.smartpot.mothership.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import dev.smartpot.mothership.api.Health;
import dev.smartpot.mothership.api.PlantState;
import dev.smartpot.mothership.store.BatchObserver;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The mothership's numbers for Prometheus, on the Prometheus Java client: counters and gauges read what the engine
 * already keeps at each scrape (nothing is counted twice), and two histograms are fed by the store writer's
 * {@link BatchObserver}. Names and meanings: docs/metrics.md.
 */
public final class MothershipMetrics implements BatchObserver {

    /** What the metrics read; each is called at scrape time. */
    public interface Sources {
        Health health();

        /** Each pot's plant state. */
        List<PlantState> potStates();

        /** The kind of each open alert. */
        List<String> openAlertKinds();

        /** Notification rows by status ("pending", "sent", "failed" ...); empty when notifications are not set up. */
        Map<String, Long> notifications();
    }

    /** The statuses shown even at zero, so a dashboard's query has a series before the first notification. */
    static final List<String> NOTIFICATION_STATUSES = List.of("pending", "sent", "failed");
    /** The alert kinds shown even at zero (others appear once raised). */
    static final List<String> ALERT_KINDS = List.of("DRY", "WET", "STALE", "OFFLINE", "FAULT", "NO_EFFECT", "LOW_BATTERY");

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Histogram batchSeconds;
    private final Histogram lagSeconds;

    public MothershipMetrics(Sources sources) {
        counter("smartpot_readings_stored", "Readings stored since the mothership started (each (pot, boot, seq) once)",
                () -> sources.health().readingsStored());
        counter("smartpot_readings_duplicate", "Redelivered readings ignored because they were stored already, since start",
                () -> sources.health().duplicatesIgnored());
        counter("smartpot_readings_conflict", "Readings refused because another reading holds their (pot, boot, seq), since start",
                () -> sources.health().conflicts());
        counter("smartpot_junk_messages", "Messages that were not a valid reading, status or reply (kept on the Messages page)",
                () -> sources.health().junkMessages());
        gauge("smartpot_ingest_backlog", "Received messages waiting for the store writer", () -> sources.health().backlog());
        gauge("smartpot_broker_up", "1 while the link to the MQTT broker is up, else 0", () -> sources.health().brokerConnected() ? 1 : 0);
        gauge("smartpot_store_up", "1 while the store writes, 0 while ingest is paused by a store error", () -> sources.health().storeOk() ? 1 : 0);
        GaugeWithCallback.builder().name("smartpot_pots").help("Pots per plant state").labelNames("state")
                .callback(cb -> potsPerState(sources.potStates()).forEach((state, n) -> cb.call(n, state.name()))).register(registry);
        GaugeWithCallback.builder().name("smartpot_alerts_open").help("Open alerts per kind").labelNames("kind")
                .callback(cb -> openPerKind(sources.openAlertKinds()).forEach((kind, n) -> cb.call(n, kind))).register(registry);
        GaugeWithCallback.builder().name("smartpot_notifications").help("Notifications in the outbox per status (pending, sent, failed)")
                .labelNames("status").callback(cb -> withZeros(sources.notifications(), NOTIFICATION_STATUSES)
                        .forEach((status, n) -> cb.call(n, status))).register(registry);
        batchSeconds = Histogram.builder().name("smartpot_store_batch_seconds").help("Time to write and commit one batch of received messages")
                .unit(io.prometheus.metrics.model.snapshots.Unit.SECONDS)
                .classicOnly().classicUpperBounds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10).register(registry);
        lagSeconds = Histogram.builder().name("smartpot_ingest_lag_seconds")
                .help("From the arrival of a batch's oldest message at the mothership to its commit: how far the store lags behind")
                .unit(io.prometheus.metrics.model.snapshots.Unit.SECONDS)
                .classicOnly().classicUpperBounds(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300).register(registry);
    }

    @Override
    public void stored(int messages, long writeNanos, long oldestReceivedAt, long committedAt) {
        batchSeconds.observe(writeNanos / 1e9);
        lagSeconds.observe(Math.max(0, committedAt - oldestReceivedAt) / 1e3);
    }

    /** The text format Prometheus scrapes. */
    public byte[] scrape() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        writer.write(out, registry.scrape());
        return out.toByteArray();
    }

    public String contentType() {
        return writer.getContentType();
    }

    private void counter(String name, String help, Supplier<Number> value) {
        CounterWithCallback.builder().name(name).help(help).callback(cb -> cb.call(value.get().doubleValue())).register(registry);
    }

    private void gauge(String name, String help, Supplier<Number> value) {
        GaugeWithCallback.builder().name(name).help(help).callback(cb -> cb.call(value.get().doubleValue())).register(registry);
    }

    static Map<PlantState, Long> potsPerState(List<PlantState> states) {
        Map<PlantState, Long> counts = new EnumMap<>(PlantState.class);
        for (PlantState s : PlantState.values()) {
            counts.put(s, 0L);
        }
        for (PlantState s : states) {
            counts.merge(s, 1L, Long::sum);
        }
        return counts;
    }

    static Map<String, Long> openPerKind(List<String> openKinds) {
        Map<String, Long> counts = new TreeMap<>();
        for (String kind : ALERT_KINDS) {
            counts.put(kind, 0L);
        }
        for (String kind : openKinds) {
            counts.merge(kind, 1L, Long::sum);
        }
        return counts;
    }

    static Map<String, Long> withZeros(Map<String, Long> found, List<String> always) {
        Map<String, Long> all = new TreeMap<>(found);
        for (String s : always) {
            all.putIfAbsent(s, 0L);
        }
        return all;
    }
}
