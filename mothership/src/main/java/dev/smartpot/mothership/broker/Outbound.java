package dev.smartpot.mothership.broker;

import java.util.concurrent.CompletableFuture;

/** What the mothership publishes (commands to pots, alerts) at QoS 1; the MQTT link, or a fake in unit tests. */
public interface Outbound {

    /** Completes when the broker acknowledged the message; fails when it could not be sent. */
    CompletableFuture<Void> publish(String topic, String payload, boolean retained);
}
