package dev.smartpot.device.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.fakes.TestPot;

/**
 * Under a wildcard subscription ({@code from_mothership/#}) the broker hands the pot every pot's commands.
 * The log is what a user reads to see what reached the pot: another pot's command must say it was ignored,
 * not look as if it was received.
 */
class WildcardSubscriptionTest {

    private static final String OTHER = "0123456789ab";

    @Test
    void anotherPotsCommandIsLoggedAsIgnoredForThatPotAndNotRun() {
        TestPot pot = new TestPot("mqtt.topic.subscribe = from_mothership/#\n");
        pot.runFor(1);

        assertNull(pot.commandOn("from_mothership/" + OTHER, "reboot"), "no reply for another pot's command");
        assertTrue(pot.reboots.isEmpty(), "and it does not run");
        assertTrue(pot.log.lines.contains("INFO (from_mothership/" + OTHER + ", reboot) ignored: for pot " + OTHER), pot.log.all());
        assertFalse(pot.log.lines.contains("INFO (from_mothership/" + OTHER + ", reboot)"), "not logged as received: " + pot.log.all());

        // This pot's own topic and the broadcast are received as before, with the tutorial's line.
        assertNotNull(pot.commandOn("from_mothership/" + TestPot.ID, "status"));
        assertNotNull(pot.commandOn("from_mothership", "status"));
        assertTrue(pot.log.lines.contains("INFO (from_mothership/" + TestPot.ID + ", status)"), pot.log.all());
        assertTrue(pot.log.lines.contains("INFO (from_mothership, status)"), pot.log.all());
        assertEquals(0, pot.log.count(TestPot.ID + ", status) ignored"), pot.log.all());
    }

    @Test
    void withoutAWildcardNothingIsIgnoredByName() {
        TestPot pot = new TestPot("");
        pot.runFor(1);
        assertNotNull(pot.command("status"));
        assertEquals(0, pot.log.count("ignored: for pot"), pot.log.all());
    }
}
