package dev.smartpot.mothership.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.api.Health;
import dev.smartpot.mothership.api.PlantState;

/** The metrics from fake sources: zeros where nothing is, other alert kinds and statuses as they come, the histograms fed. */
class MothershipMetricsTest {

    @Test
    void readsItsSourcesAtEachScrape() throws Exception {
        Health health = new Health(false, false, "tcp://127.0.0.1:1883", true, null, "SQLite x", 42, 3, 7, 5, Instant.EPOCH, 1, List.of());
        List<PlantState> pots = List.of(PlantState.DRY, PlantState.DRY, PlantState.STALE);
        List<String> alerts = List.of("DRY", "DRY", "WATERING_LOCKED_OUT");
        MothershipMetrics metrics = new MothershipMetrics(new MothershipMetrics.Sources() {
            public Health health() {
                return health;
            }

            public List<PlantState> potStates() {
                return pots;
            }

            public List<String> openAlertKinds() {
                return alerts;
            }

            public Map<String, Long> notifications() {
                return Map.of("sent", 4L, "held", 2L);
            }
        });
        metrics.stored(10, 2_000_000, 1_000, 1_300);
        metrics.stored(1, 40_000_000, 5_000, 5_000);
        PrometheusText p = PrometheusText.parse(new String(metrics.scrape(), StandardCharsets.UTF_8));

        assertEquals(42, p.value("smartpot_readings_stored_total"));
        assertEquals(3, p.value("smartpot_readings_duplicate_total"));
        assertEquals(1, p.value("smartpot_readings_conflict_total"));
        assertEquals(7, p.value("smartpot_junk_messages_total"));
        assertEquals(5, p.value("smartpot_ingest_backlog"));
        assertEquals(0, p.value("smartpot_broker_up"));
        assertEquals(2, p.value("smartpot_pots", "state", "DRY"));
        assertEquals(1, p.value("smartpot_pots", "state", "STALE"));
        assertEquals(0, p.value("smartpot_pots", "state", "OK"));
        assertEquals(2, p.value("smartpot_alerts_open", "kind", "DRY"));
        assertEquals(0, p.value("smartpot_alerts_open", "kind", "LOW_BATTERY"));
        assertEquals(1, p.value("smartpot_alerts_open", "kind", "WATERING_LOCKED_OUT"), "a kind beyond the list shows once raised");
        assertEquals(4, p.value("smartpot_notifications", "status", "sent"));
        assertEquals(0, p.value("smartpot_notifications", "status", "failed"));
        assertEquals(2, p.value("smartpot_notifications", "status", "held"));
        assertEquals(2, p.value("smartpot_store_batch_seconds_count"));
        assertEquals(0.042, p.value("smartpot_store_batch_seconds_sum"), 1e-9);
        assertEquals(1, p.value("smartpot_store_batch_seconds_bucket", "le", "0.0025"));
        assertEquals(0.3, p.value("smartpot_ingest_lag_seconds_sum"), 1e-9);
        assertEquals(2, p.value("smartpot_ingest_lag_seconds_bucket", "le", "0.5"));
    }
}
