package dev.smartpot.mothership.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.api.PlantState;
import dev.smartpot.mothership.api.PotSettings;
import dev.smartpot.mothership.api.ReadingView;

/** The plant states with a manual clock: time is whatever the test says. */
class StateRulesTest {

    private static final PotSettings S = new PotSettings("p", "", "default", 25, 85, 3, false, 150, 600, 60);
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    private final LivePot pot = new LivePot("p", S, T0);
    private long seq;

    private void reading(Double moisture, String fault, Instant at) {
        pot.reading(new ReadingView("p", 0, seq, 2000, moisture, fault, at, at), seq * 5000, 0);
        seq++;
    }

    @Test
    void unknownBeforeTheFirstReading() {
        assertNull(pot.evaluate(T0.plusSeconds(100), T0, 60_000));
        assertEquals(PlantState.UNKNOWN, pot.state());
    }

    @Test
    void dryWetAndOkWithHysteresis() {
        reading(50.0, null, T0);
        assertEquals(PlantState.OK, pot.evaluate(T0, T0, 60_000).to());
        reading(24.0, null, T0.plusSeconds(5));
        LivePot.Change dry = pot.evaluate(T0.plusSeconds(5), T0, 60_000);
        assertEquals(PlantState.DRY, dry.to());
        assertEquals("moisture 24.0% below 25.0%", dry.reason());
        reading(26.0, null, T0.plusSeconds(10));
        assertNull(pot.evaluate(T0.plusSeconds(10), T0, 60_000), "26% is inside the 3-point hysteresis: still DRY");
        assertTrue(pot.view().reason().contains("not yet back above 28.0%"), pot.view().reason());
        reading(28.5, null, T0.plusSeconds(15));
        assertEquals(PlantState.OK, pot.evaluate(T0.plusSeconds(15), T0, 60_000).to());
        reading(86.0, null, T0.plusSeconds(20));
        assertEquals(PlantState.WET, pot.evaluate(T0.plusSeconds(20), T0, 60_000).to());
        reading(83.0, null, T0.plusSeconds(25));
        assertEquals(PlantState.WET, pot.state());
        assertNull(pot.evaluate(T0.plusSeconds(25), T0, 60_000));
    }

    @Test
    void staleAfterThreeIntervalsOfTheInferredCadence() {
        for (int i = 0; i < 5; i++) {
            reading(50.0, null, T0.plusSeconds(5L * i));
        }
        Instant last = T0.plusSeconds(20);
        assertEquals(5000, pot.intervalMs());
        assertEquals(PlantState.OK, pot.evaluate(last.plusSeconds(15), T0, 60_000).to());
        LivePot.Change stale = pot.evaluate(last.plusSeconds(16), T0, 60_000);
        assertEquals(PlantState.STALE, stale.to());
        assertEquals("no reading for 16 s; expected one every 5 s", stale.reason());
        reading(50.0, null, last.plusSeconds(17));
        assertEquals(PlantState.OK, pot.evaluate(last.plusSeconds(17), T0, 60_000).to());
    }

    @Test
    void silenceBeforeTheMothershipListenedIsNotStale() {
        reading(50.0, null, T0);
        Instant restart = T0.plus(Duration.ofHours(2));
        assertEquals(PlantState.OK, pot.evaluate(restart.plusSeconds(10), restart, 5_000).to());
        assertEquals(PlantState.STALE, pot.evaluate(restart.plusSeconds(16), restart, 5_000).to());
    }

    @Test
    void offlineStatusAndFaultsAreNeverOk() {
        reading(50.0, null, T0);
        pot.evaluate(T0, T0, 60_000);
        pot.status("offline", T0.plusSeconds(1));
        assertEquals(PlantState.OFFLINE, pot.evaluate(T0.plusSeconds(1), T0, 60_000).to());
        pot.status("online", T0.plusSeconds(2));
        reading(null, "disconnected", T0.plusSeconds(2));
        LivePot.Change fault = pot.evaluate(T0.plusSeconds(2), T0, 60_000);
        assertEquals(PlantState.FAULT, fault.to());
        assertTrue(fault.reason().contains("disconnected"));
    }

    @Test
    void cadenceIsTheMedianSoOneLateReadingDoesNotMoveIt() {
        Cadence c = new Cadence();
        for (long g : new long[] {5000, 5000, 60000, 5000, 5100}) {
            c.addGap(g);
        }
        assertEquals(5000, c.intervalMs());
    }

    @Test
    void cadenceFollowsItsNewestNineGaps() {
        Cadence c = new Cadence();
        c.addGap(0);
        c.addGap(-5_000);
        assertEquals(0, c.intervalMs(), "no positive gap yet: unknown");
        for (int i = 0; i < 9; i++) {
            c.addGap(60_000);
        }
        assertEquals(60_000, c.intervalMs());
        for (int i = 0; i < 4; i++) {
            c.addGap(5_000);
        }
        assertEquals(60_000, c.intervalMs(), "four of the newest nine are 5 s");
        c.addGap(5_000);
        assertEquals(5_000, c.intervalMs(), "five of the newest nine are 5 s");
    }

    @Test
    void theListShowsEachChangeAlsoWhenAskedOnlyAfterSeveral() {
        reading(50.0, null, T0);
        pot.evaluate(T0, T0, 60_000);
        assertEquals("moisture 50.0% between 25.0% and 85.0%", pot.view().reason());
        reading(24.0, null, T0.plusSeconds(5));
        reading(23.0, null, T0.plusSeconds(10));
        pot.evaluate(T0.plusSeconds(10), T0, 60_000);
        assertEquals(PlantState.DRY, pot.view().state());
        assertEquals("moisture 23.0% below 25.0%", pot.view().reason());
        assertEquals(23.0, pot.view().moisture());
        assertEquals(3, pot.view().readings());
        assertEquals(5_000, pot.view().intervalMs());
        pot.conflict("boot 0, seq 3 is already stored");
        assertEquals(1, pot.view().conflicts());
        assertTrue(pot.view().reason().endsWith("its new readings are refused: boot 0, seq 3 is already stored"),
                pot.view().reason());
    }

    @Test
    void percentIsWrittenAsStringFormatWouldWriteIt() {
        java.util.Random random = new java.util.Random(7);
        for (int i = -20_000; i <= 20_000; i++) {
            double[] values = {i / 100.0, i / 1000.0, i / 7.0, random.nextDouble() * 200 - 50};
            for (double v : values) {
                assertEquals(String.format(java.util.Locale.ROOT, "%.1f%%", v), StateRules.percent(v), "for " + v);
            }
        }
        assertEquals("NaN%", StateRules.percent(Double.NaN));
    }
}
