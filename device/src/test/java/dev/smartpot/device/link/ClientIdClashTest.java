package dev.smartpot.device.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.fakes.TestPot;

/**
 * A pot that keeps losing its session right after connecting, its WiFi fine, says once per streak that another
 * client probably uses its client id; a broker that is merely flaky, a WiFi that drops or a session that lasted
 * does not make it say so.
 */
class ClientIdClashTest {

    private static final String HINT = "another client probably uses this pot's client id " + TestPot.ID;
    private static final String QUICK_RETRY = "publish.interval = 5s\nbackoff.min = 1s\nbackoff.max = 1s\n";

    /** Connected, then knocked off {@code afterMillis} later, then back (the retry comes after backoff.min). */
    private static void knockedOffAfter(TestPot pot, long afterMillis) {
        pot.runFor(afterMillis);
        pot.mqtt.breakLink("Connection lost");
        pot.runFor(1_001);
    }

    @Test
    void threeSessionsLostSoonAfterConnectingInARowGiveTheHintOnce() {
        TestPot pot = new TestPot(QUICK_RETRY);
        pot.runFor(1);
        knockedOffAfter(pot, 2_000);
        knockedOffAfter(pot, 2_000);
        assertFalse(pot.log.has(HINT), "two could be chance: " + pot.log.all());
        knockedOffAfter(pot, 2_000);
        assertEquals(1, pot.log.count(HINT), pot.log.all());
        assertTrue(pot.log.has("WARN the session ended within 10s of connecting 3 times in a row: " + HINT
                + " (a broker drops one of two clients with the same id when the other connects). Fix: give each client an id of its"
                + " own; every board has its own, from its chip"), pot.log.all());
        knockedOffAfter(pot, 2_000);
        knockedOffAfter(pot, 2_000);
        assertEquals(1, pot.log.count(HINT), "once per streak: " + pot.log.all());
        assertEquals(6, pot.mqtt.connects.size(), "it keeps reconnecting all the while");
    }

    @Test
    void aSessionThatLastsEndsTheStreakAndANewStreakSaysItAgain() {
        TestPot pot = new TestPot(QUICK_RETRY);
        pot.runFor(1);
        knockedOffAfter(pot, 2_000);
        knockedOffAfter(pot, 2_000);
        knockedOffAfter(pot, 10_000);
        assertFalse(pot.log.has(HINT), "a session of 10 s is not a knock-off: " + pot.log.all());
        knockedOffAfter(pot, 9_000);
        knockedOffAfter(pot, 9_000);
        knockedOffAfter(pot, 9_000);
        assertEquals(1, pot.log.count(HINT), pot.log.all());
        knockedOffAfter(pot, 60_000);
        knockedOffAfter(pot, 100);
        knockedOffAfter(pot, 100);
        knockedOffAfter(pot, 100);
        assertEquals(2, pot.log.count(HINT), "a new streak: " + pot.log.all());
    }

    @Test
    void aWifiThatDropsOrABrokerThatFailsConnectsIsNotTakenForAClash() {
        TestPot pot = new TestPot(QUICK_RETRY);
        pot.runFor(1);
        for (int i = 0; i < 4; i++) {
            pot.runFor(2_000);
            pot.wifi.drop();
            pot.runFor(1);
            pot.wifi.networkUp = true;
            pot.runFor(1_001);
        }
        assertEquals(5, pot.mqtt.connects.size(), pot.log.all());
        for (int i = 0; i < 4; i++) {
            pot.runFor(2_000);
            pot.mqtt.deadBrokers.add("tcp://10.0.0.1:1883");
            pot.mqtt.breakLink("Connection lost");
            pot.runFor(1_001);
            pot.mqtt.deadBrokers.clear();
            pot.runFor(1_001);
        }
        assertFalse(pot.log.has(HINT), pot.log.all());
    }

    @Test
    void aLinkDroppedRightAfterTheConnackCountsAsAKnockOffNotAsAFailedConnect() {
        // Two clients with one id connecting at about the same time: the broker accepts one, then drops it for the other.
        TestPot pot = new TestPot(QUICK_RETRY);
        pot.mqtt.dropsRightAfterConnack = true;
        pot.runFor(1);
        pot.runFor(1_001);
        pot.runFor(1_001);
        assertEquals(3, pot.mqtt.connects.size(), pot.log.all());
        assertTrue(pot.log.has("WARN connection to " + pot.mqtt.connects.get(0) + " lost right after the broker accepted it:"
                + " Connection lost; reconnecting in 1s"), pot.log.all());
        assertEquals(1, pot.log.count(HINT), pot.log.all());
        pot.mqtt.dropsRightAfterConnack = false;
        knockedOffAfter(pot, 2_000);
        assertEquals(1, pot.log.count(HINT), "the same streak: " + pot.log.all());
    }
}
