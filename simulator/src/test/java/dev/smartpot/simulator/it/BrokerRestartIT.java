package dev.smartpot.simulator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The broker dies without warning (SIGKILL) and comes back: the pot reconnects and nothing is lost. */
class BrokerRestartIT {

    @Test
    void everyReadingArrivesInOrderThroughRepeatedBrokerKills() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start();
                Subscriber mothership = new Subscriber(broker.uri(), "to_mothership");
                PotUnderTest pot = new PotUnderTest(broker.uri(), "")) {
            mothership.awaitCount("to_mothership", 3, Duration.ofSeconds(10));
            for (int outage = 1; outage <= 3; outage++) {
                // Read before the kill: the pot may notice the outage before this thread looks again.
                int reconnectsBefore = pot.pot.node().reconnects();
                broker.kill();
                Awaitility.await("pot notices outage " + outage).atMost(Duration.ofSeconds(15))
                        .until(() -> pot.pot.node().reconnects() > reconnectsBefore);
                // Stay down for a few intervals so readings pile up in the queue.
                Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> pot.pot.node().queuedReadings() >= 3);
                broker.restart();
                Awaitility.await("queue drained after outage " + outage).atMost(Duration.ofSeconds(20))
                        .until(() -> pot.pot.node().state() == dev.smartpot.device.PotNode.ONLINE
                                && pot.pot.node().queuedReadings() == 0);
            }
            long lastSent = pot.pot.node().statusLine().contains("published=") ? publishedCount(pot) - 1 : -1;
            try {
                Awaitility.await("mothership has everything up to #" + lastSent).atMost(Duration.ofSeconds(20))
                        .until(() -> mothership.seqs("to_mothership").contains(lastSent));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("received " + mothership.seqs("to_mothership") + "\n" + pot.console(), e);
            }

            List<Long> seqs = mothership.seqs("to_mothership");
            List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(seqs));
            List<Long> expected = new ArrayList<>();
            for (long s = 0; s <= lastSent; s++) {
                expected.add(s);
            }
            assertEquals(expected, distinct.subList(0, expected.size()), "every seq once, in order\n" + pot.console());
            assertTrue(pot.pot.isRunning(), "the device survived");
            assertTrue(pot.console().contains("connected to " + broker.uri() + " after"), pot.console());
        }
    }

    private static long publishedCount(PotUnderTest pot) {
        String status = pot.pot.node().statusLine();
        int at = status.indexOf("published=") + "published=".length();
        int end = status.indexOf(' ', at);
        return Long.parseLong(status.substring(at, end));
    }
}
