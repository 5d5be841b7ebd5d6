package dev.smartpot.mothership.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.api.PlantState;
import dev.smartpot.mothership.api.PotSettings;
import dev.smartpot.mothership.api.ReadingView;

/**
 * A deep-sleep pot as the mothership sees it, on a manual clock: a reading every 15 min, published 4 at a time at
 * every 4th wake (uptime counted from each wake, so earlier readings of a burst have a negative uptime), then a
 * retained {"state":"asleep","wake_at":...} (or only "sleep_ms" without a wall clock).
 */
class SleepingPotTest {

    private static final PotSettings S = new PotSettings("p", "", "default", 25, 85, 3, false, 150, 600, 60);
    private static final long QUARTER = 15 * 60_000;
    /** The first burst arrives at 13:15:05: readings taken at 12:30, 12:45, 13:00 and 13:15. */
    private static final Instant BURST = Instant.parse("2026-05-01T13:15:05Z");

    private final LivePot pot = new LivePot("p", S, BURST.minus(Duration.ofHours(2)));
    private long seq;

    /** One burst of 4 readings taken 15 min apart, the last 5 s before {@code arrival}; with the pot's clock or not. */
    private void burst(Instant arrival, boolean wallClock, double moisture) {
        for (int i = 3; i >= 0; i--) {
            Instant arrived = arrival.plusMillis(3 - i);
            Instant taken = arrival.minusSeconds(5).minusMillis(i * QUARTER);
            long uptime = 300 - i * QUARTER;
            pot.reading(new ReadingView("p", 1, seq++, 2000, moisture, null, wallClock ? taken : arrived, arrived),
                    uptime, 0);
        }
    }

    /** The asleep status of a pot that knows the time: its wake by its own clock. */
    private static String until(String wake) {
        return "{\"state\":\"asleep\",\"wake_at\":" + Instant.parse(wake).toEpochMilli() + ",\"sleep_ms\":3600000}";
    }

    /** The asleep status of a pot that does not: the sleep's length only. */
    private static String forMinutes(int minutes) {
        return "{\"state\":\"asleep\",\"sleep_ms\":" + minutes * 60_000L + "}";
    }

    @Test
    void readsBothFormsOfTheAsleepStatus() {
        SleepStatus.Sleep until = SleepStatus.parse(until("2026-05-01T14:15:00Z"), BURST);
        assertEquals(Instant.parse("2026-05-01T14:15:00Z"), until.wakeAt());
        assertTrue(until.wallClock());
        assertEquals(359_500, until.graceMs(), "10 % of the 59 min 55 s to 14:15, more than 2 min");
        SleepStatus.Sleep overMidnight = SleepStatus.parse(until("2026-05-02T00:10:00Z"), Instant.parse("2026-05-01T23:55:00Z"));
        assertEquals(Instant.parse("2026-05-02T00:10:00Z"), overMidnight.wakeAt(), "a full time: no day to guess");
        SleepStatus.Sleep forQuarter = SleepStatus.parse(forMinutes(15), BURST);
        assertEquals(BURST.plus(Duration.ofMinutes(15)), forQuarter.wakeAt());
        assertFalse(forQuarter.wallClock());
        assertEquals(SleepStatus.MIN_GRACE_MS, forQuarter.graceMs());
        assertNull(SleepStatus.parse("online", BURST));
        assertNull(SleepStatus.parse("sleeping until 14:15 UTC", BURST), "the old free text is no longer read");
        assertNull(SleepStatus.parse("{\"state\":\"asleep\"}", BURST), "no wake and no length: not a sleep");
        assertEquals("asleep", SleepStatus.state(forMinutes(15)));
        assertEquals("online", SleepStatus.state("online"));
    }

    @Test
    void asleepUntilItsWakeAndGraceThenStaleWithTheReason() {
        burst(BURST, true, 50.0);
        pot.status(until("2026-05-01T14:15:00Z"), BURST.plusMillis(10));
        LivePot.Change ok = pot.evaluate(BURST.plusSeconds(1), BURST.minusSeconds(7200), 60_000);
        assertEquals(PlantState.OK, ok.to());
        assertEquals(QUARTER, pot.intervalMs(), "the reading interval, not the burst's");
        Instant nearlyWake = Instant.parse("2026-05-01T14:20:59Z");
        assertNull(pot.evaluate(nearlyWake, BURST.minusSeconds(7200), 60_000), "silent 65 min (4 intervals) but asleep");
        assertEquals(Instant.parse("2026-05-01T14:15:00Z"), pot.view().asleepUntil());
        assertEquals("moisture 50.0% between 25.0% and 85.0%; asleep until 14:15 UTC; last reading 13:15 UTC",
                pot.view().reason());
        LivePot.Change stale = pot.evaluate(Instant.parse("2026-05-01T14:21:01Z"), BURST.minusSeconds(7200), 60_000);
        assertEquals(PlantState.STALE, stale.to(), "14:15 plus 6 min of grace passed");
        assertEquals("it said it would wake at 14:15 UTC; nothing since; last reading 13:15 UTC", stale.reason());
        assertNull(pot.view().asleepUntil());
    }

    @Test
    void theNextBurstAndItsStatusKeepItAwakeInTheMothershipsEyes() {
        burst(BURST, true, 50.0);
        pot.status(until("2026-05-01T14:15:00Z"), BURST.plusMillis(10));
        pot.evaluate(BURST.plusSeconds(1), BURST, 60_000);
        Instant next = BURST.plus(Duration.ofHours(1)).plusSeconds(20);
        burst(next, true, 24.0);
        LivePot.Change dry = pot.evaluate(next.plusMillis(5), BURST, 60_000);
        assertEquals(PlantState.DRY, dry.to(), "awake between its readings and its status: the plain moisture state");
        assertNull(pot.view().asleepUntil());
        pot.status(until("2026-05-01T15:15:00Z"), next.plusMillis(20));
        assertNull(pot.evaluate(next.plus(Duration.ofMinutes(50)), BURST, 60_000), "DRY stays DRY while it sleeps");
        assertEquals(Instant.parse("2026-05-01T15:15:00Z"), pot.view().asleepUntil());
        assertTrue(pot.view().reason().startsWith("moisture 24.0% below 25.0%; asleep until 15:15 UTC"), pot.view().reason());
        assertEquals(QUARTER, pot.intervalMs(), "gaps across the two bursts on the pot's clock too");
    }

    @Test
    void withoutAWallClockSleepingForCountsFromTheStatusArrival() {
        burst(BURST, false, 50.0);
        pot.status(forMinutes(15), BURST.plusMillis(10));
        assertEquals(QUARTER, pot.intervalMs(), "in-burst gaps on uptime; arrival times are not the cadence");
        assertEquals(PlantState.OK, pot.evaluate(BURST.plus(Duration.ofMinutes(16)), BURST, 60_000).to());
        assertEquals(PlantState.STALE, pot.evaluate(BURST.plus(Duration.ofMinutes(18)), BURST, 60_000).to(),
                "15 min + 2 min grace");
        // It wakes late but does: the readings end STALE, the same words again start a new sleep.
        Instant next = BURST.plus(Duration.ofMinutes(19));
        burst(next, false, 50.0);
        pot.status(forMinutes(15), next.plusMillis(10));
        assertEquals(PlantState.OK, pot.evaluate(next.plus(Duration.ofMinutes(16)), BURST, 60_000).to());
        assertEquals(QUARTER, pot.intervalMs(), "uptime going back across wakes is no gap");
    }

    @Test
    void aRedeliveredStatusDoesNotRestartTheSleep() {
        burst(BURST, false, 50.0);
        pot.status(forMinutes(15), BURST.plusMillis(10));
        pot.status(forMinutes(15), BURST.plus(Duration.ofMinutes(10)));
        assertEquals(PlantState.STALE, pot.evaluate(BURST.plus(Duration.ofMinutes(18)), BURST, 60_000).to());
    }

    @Test
    void aNewPotThatOnlySleptIsUnknownAndSaysWhenItWakes() {
        pot.status(until("2026-05-01T14:15:00Z"), BURST);
        assertNull(pot.evaluate(BURST.plusSeconds(1), BURST, 60_000));
        assertEquals(PlantState.UNKNOWN, pot.state());
        assertEquals("no reading yet; asleep until 14:15 UTC", pot.view().reason());
        assertEquals(PlantState.STALE, pot.evaluate(Instant.parse("2026-05-01T14:30:00Z"), BURST, 60_000).to());
    }

    @Test
    void offlineWinsOverASleep() {
        burst(BURST, true, 50.0);
        pot.status(until("2026-05-01T14:15:00Z"), BURST.plusMillis(10));
        pot.status("offline", BURST.plusSeconds(30));
        assertEquals(PlantState.OFFLINE, pot.evaluate(BURST.plusSeconds(31), BURST, 60_000).to());
        assertNull(pot.view().asleepUntil());
    }

    @Test
    void restoredReadingsOfBurstsWithoutAClockGiveNoSubSecondCadence() {
        LivePot restored = new LivePot("p", S, BURST);
        java.util.List<ReadingView> newestFirst = new java.util.ArrayList<>();
        for (int b = 1; b >= 0; b--) {
            for (int i = 3; i >= 0; i--) {
                Instant arrived = BURST.plus(Duration.ofHours(b)).plusMillis(i);
                newestFirst.add(new ReadingView("p", 1, b * 4L + i, 2000, 50.0, null, arrived, arrived));
            }
        }
        restored.restore(newestFirst, 8, 0);
        long interval = restored.intervalMs();
        assertTrue(interval > 3_599_000 && interval <= 3_600_000, "the bursts' period, never a few ms: " + interval);
    }

    @Test
    void theNewestBatteryVoltageIsKept() {
        pot.reading(new ReadingView("p", 1, 1, 2000, 50.0, null, BURST, BURST, 2870), 100L, 0);
        pot.reading(new ReadingView("p", 1, 2, 2000, 50.0, null, BURST.plusSeconds(5), BURST.plusSeconds(5)), 5100L, 0);
        pot.reading(new ReadingView("p", 1, 0, 2000, 50.0, null, BURST.minusSeconds(5), BURST, 2990), null, 0);
        assertEquals(2870, pot.view().batteryMv(), "a reading without one keeps it; an older one does not replace it");
        assertEquals(BURST, pot.view().batteryAt());
    }

    @Test
    void aPotIsAwakeBrieflyWhenItsAboutSaysDeepSleepOrItsLastStatusSaysAsleep() {
        assertFalse(pot.awakeBriefly(), "nothing known yet: an always-on pot");
        pot.status("online", BURST);
        assertFalse(pot.awakeBriefly());
        pot.status(until("2026-05-01T14:15:00Z"), BURST);
        assertTrue(pot.awakeBriefly(), "it said it sleeps: its next readings come from a short wake");
        pot.status("online", BURST.plusSeconds(60));
        assertFalse(pot.awakeBriefly(), "awake and connected again (always-on now)");
        pot.about(about("deep-sleep"));
        assertTrue(pot.awakeBriefly(), "its about says deep sleep, whatever its status");
        pot.about(about("always-on"));
        assertFalse(pot.awakeBriefly());
    }

    private static dev.smartpot.mothership.ingest.Inbound.About about(String power) {
        return new dev.smartpot.mothership.ingest.Inbound.About("p", "0.1.0", null, true, 300L, 1000L, 600L, 900_000L,
                power, true);
    }
}
