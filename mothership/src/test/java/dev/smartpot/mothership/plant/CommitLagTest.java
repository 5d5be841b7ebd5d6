package dev.smartpot.mothership.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.api.PlantState;
import dev.smartpot.mothership.api.PotSettings;
import dev.smartpot.mothership.api.ReadingView;

/**
 * A reading received waits up to the store's gather window (3 s) for its commit before the pot's state hears of it:
 * that wait is not the pot's silence. A pot at one reading a second is STALE after three silent intervals beyond it.
 */
class CommitLagTest {

    private static final PotSettings S = new PotSettings("p", "", "default", 25, 85, 3, false, 150, 600, 60);
    private static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");
    private static final long SECOND = 1_000;
    private static final long LAG = 3_000;

    private final LivePot pot = new LivePot("p", S, T0.minusSeconds(60));

    private void readingsUntil(Instant last) {
        long seq = 0;
        for (Instant at = T0; !at.isAfter(last); at = at.plusMillis(SECOND)) {
            pot.reading(new ReadingView("p", 1, seq++, 2000, 50.0, null, at, at), seq * SECOND, 0);
        }
    }

    @Test
    void aReadingWaitingForItsCommitIsNotSilence() {
        Instant last = T0.plusSeconds(10);
        readingsUntil(last);
        assertEquals(PlantState.OK, pot.evaluate(last, T0, SECOND, LAG).to());
        // 3.5 s after the last committed reading: the next ones may be waiting in the gather's window.
        assertNull(pot.evaluate(last.plusMillis(3_500), T0, SECOND, LAG), "still OK while readings may wait for a commit");
        assertEquals(PlantState.STALE, pot.evaluate(last.plusMillis(6_500), T0, SECOND, LAG).to(),
                "three intervals of silence beyond the window");
    }

    @Test
    void withoutALagThreeIntervalsAreSilence() {
        Instant last = T0.plusSeconds(10);
        readingsUntil(last);
        assertEquals(PlantState.OK, pot.evaluate(last, T0, SECOND).to());
        assertEquals(PlantState.STALE, pot.evaluate(last.plusMillis(3_500), T0, SECOND).to());
    }
}
