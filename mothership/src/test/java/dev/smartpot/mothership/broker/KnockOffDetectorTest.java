package dev.smartpot.mothership.broker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The knock-off pattern on a manual clock (issue 23, hole 15). */
class KnockOffDetectorTest {

    @Test
    void fiveQuickDropsIn30SecondsAreAKnockOffLoopSaidOncePerWindow() {
        KnockOffDetector d = new KnockOffDetector();
        long now = 1_000_000;
        for (int i = 0; i < KnockOffDetector.DROPS - 1; i++) {
            d.connected(now);
            now += 300;
            assertFalse(d.closedByBroker(now, false), "drop " + (i + 1));
        }
        d.connected(now);
        now += 300;
        assertTrue(d.closedByBroker(now, false));
        d.connected(now);
        assertFalse(d.closedByBroker(now + 300, false), "said once per window, not at every drop");
    }

    @Test
    void longLinksAndFailedConnectsAreNotKnockOffsButASessionTakenOverIs() {
        KnockOffDetector d = new KnockOffDetector();
        long now = 0;
        for (int i = 0; i < 20; i++) {
            d.connected(now);
            now += KnockOffDetector.SHORT_LINK_MS + 1;
            assertFalse(d.closedByBroker(now, false), "a link that lasted is an ordinary drop");
            assertFalse(d.closedByBroker(now + 10, false), "a failed reconnect was never connected");
        }
        assertTrue(d.closedByBroker(now + 20, true), "MQTT 5 says so outright");
    }
}
