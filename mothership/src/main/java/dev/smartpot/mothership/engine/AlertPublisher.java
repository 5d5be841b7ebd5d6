package dev.smartpot.mothership.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.smartpot.mothership.alert.AlertBook;
import dev.smartpot.mothership.api.AlertView;
import dev.smartpot.mothership.broker.Outbound;

/**
 * Publishes every alert change as JSON on one MQTT topic (default {@code mothership/alerts}, QoS 1, not
 * retained), for Home Assistant or Node-RED to forward:
 *
 * <pre>{"event":"raised","id":12,"pot":"a4cf12b0c0de","kind":"DRY",
 *  "message":"pot a4cf12b0c0de needs water: moisture 18.2% below 25.0%",
 *  "raised_at":"2026-05-01T10:00:00Z","closed_at":null,"acknowledged_at":null,"acknowledged_by":null}</pre>
 *
 * {@code event} is raised, closed or acknowledged; {@code kind} is DRY, WET, STALE, OFFLINE, FAULT, LOW_BATTERY,
 * NO_EFFECT or WATERING_LOCKED_OUT. The alert is stored first, so a broker that is down costs only the
 * MQTT copy (the dashboard and {@code GET /api/alerts} still have it).
 */
final class AlertPublisher implements AlertBook.AlertSink {

    private final ObjectMapper json = new ObjectMapper();
    private final Outbound outbound;
    private final String topic;
    private final AlertBook.AlertSink next;

    AlertPublisher(Outbound outbound, String topic, AlertBook.AlertSink next) {
        this.outbound = outbound;
        this.topic = topic;
        this.next = next;
    }

    @Override
    public void alert(AlertView a, String change) {
        next.alert(a, change);
        try {
            outbound.publish(topic, payload(a, change), false).exceptionally(e -> null);
        } catch (RuntimeException e) {
            // The link is not up yet: the alert is stored and shown; only this copy is lost.
        }
    }

    String payload(AlertView a, String change) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", change);
        m.put("id", a.id());
        m.put("pot", a.potId());
        m.put("kind", a.kind());
        m.put("message", a.message());
        m.put("raised_at", a.raisedAt().toString());
        m.put("closed_at", a.closedAt() == null ? null : a.closedAt().toString());
        m.put("acknowledged_at", a.acknowledgedAt() == null ? null : a.acknowledgedAt().toString());
        m.put("acknowledged_by", a.acknowledgedBy());
        try {
            return json.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
