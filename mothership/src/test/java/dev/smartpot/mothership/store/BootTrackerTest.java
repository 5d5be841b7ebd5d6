package dev.smartpot.mothership.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.ingest.Inbound;

class BootTrackerTest {

    private final BootTracker boots = new BootTracker();
    /** What the store holds: "pot/seq/uptime" -> boot. */
    private final Map<String, Long> stored = new HashMap<>();

    private long assign(long seq, Long uptime) throws Exception {
        return assign(seq, uptime, null);
    }

    private long assign(long seq, Long uptime, Long potBoot) throws Exception {
        Inbound.Reading r = new Inbound.Reading("p", potBoot, seq, 2000, 50.0, null, uptime, null, 0, null);
        long boot = boots.assign(r, (pot, s, u) -> stored.get(pot + "/" + s + "/" + u));
        stored.put("p/" + seq + "/" + uptime, boot);
        boots.commit();
        return boot;
    }

    @Test
    void seqGoingOnIsTheSameBoot() throws Exception {
        assertEquals(0, assign(0, 0L));
        assertEquals(0, assign(1, 5000L));
        assertEquals(0, assign(5, 25000L), "a gap (lost or dropped readings) is not a reboot");
    }

    @Test
    void seqRestartingIsANewBoot() throws Exception {
        assign(10, 50_000L);
        assign(11, 55_000L);
        assertEquals(1, assign(0, 1_000L));
        assertEquals(1, assign(1, 6_000L));
    }

    @Test
    void uptimeGoingBackIsANewBootEvenIfSeqGoesOn() throws Exception {
        assign(10, 50_000L);
        assertEquals(1, assign(11, 2_000L));
    }

    @Test
    void aRedeliveredReadingKeepsItsBootSoItIsADuplicate() throws Exception {
        assign(0, 0L);
        assign(1, 5000L);
        assign(2, 10000L);
        assertEquals(0, assign(1, 5000L));
        assertEquals(0, assign(3, 15000L), "still the same boot after the redelivery");
    }

    @Test
    void aRedeliveryFromBeforeARebootKeepsItsOldBoot() throws Exception {
        for (int seq = 0; seq < 4; seq++) {
            assign(seq, 5000L * seq);
        }
        for (int seq = 0; seq < 5; seq++) {
            assertEquals(1, assign(seq, 500 + 5000L * seq));
        }
        assertEquals(0, assign(2, 10_000L), "the old boot's seq 2, delivered again");
        assertEquals(1, assign(5, 25_500L));
    }

    @Test
    void aLateReadingInsideTheCurrentBootIsNotANewBoot() throws Exception {
        assign(0, 0L);
        assign(1, 5000L);
        assign(3, 15000L);
        assertEquals(0, assign(2, 10000L));
    }

    @Test
    void withoutUptimeAnUnseenLowerSeqIsANewBoot() throws Exception {
        assign(5, null);
        assertEquals(0, assign(5, null), "the same seq again is a duplicate");
        assertEquals(1, assign(2, null));
    }

    @Test
    void thePotsOwnBootWins() throws Exception {
        assertEquals(3, assign(0, 0L, 3L));
        assertEquals(3, assign(1, 5000L, 3L));
        assertEquals(4, assign(0, 0L, 4L));
    }

    @Test
    void aRolledBackBatchIsJudgedTheSameWayAgain() throws Exception {
        assign(10, 50_000L);
        Inbound.Reading reboot = new Inbound.Reading("p", null, 0, 1, 50.0, null, 100L, null, 0, null);
        assertEquals(1, boots.assign(reboot, (p, s, u) -> null));
        boots.rollback();
        assertEquals(1, boots.assign(reboot, (p, s, u) -> null), "not boot 2: the failed attempt left no trace");
    }

    @Test
    void stateLoadedAtStartContinuesTheBoot() throws Exception {
        boots.load("p", new BootTracker.State(4, 100, 500_000L, 0, 0L));
        assertEquals(4, assign(101, 505_000L));
        assertEquals(5, assign(0, 100L));
    }
}
