package dev.smartpot.mothership.testing;

import dev.smartpot.testkit.Mosquitto;

/**
 * The test kit's Mosquitto as the mothership's integration tests need it: no persistence (these tests kill the
 * mothership, not the broker, and sessions live in its memory) and large queues (a persistent session must hold
 * every reading published while the mothership is down).
 */
public final class QueueingBroker {

    private QueueingBroker() {
    }

    /** @param extraLines more config lines (a password file, a second listener); the last word wins in Mosquitto */
    public static Mosquitto start(String... extraLines) {
        Mosquitto.Config config = Mosquitto.configure().persistence(false)
                .line("max_queued_messages 1000000")
                .line("max_inflight_messages 1000");
        for (String line : extraLines) {
            config.line(line);
        }
        return config.start();
    }
}
