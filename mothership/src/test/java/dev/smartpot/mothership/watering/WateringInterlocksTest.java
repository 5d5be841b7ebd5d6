package dev.smartpot.mothership.watering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.api.PlantState;
import dev.smartpot.mothership.api.PotSettings;

class WateringInterlocksTest {

    private static final PotSettings S = new PotSettings("p", "", "default", 25, 85, 3, true, 150, 400, 60);
    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    private static WateringInterlocks.Decision check(boolean auto, boolean switchOn, PlantState state, boolean locked,
                                                List<WateringInterlocks.Given> recent) {
        return WateringInterlocks.check(auto, switchOn, 150, S, state, locked, recent, NOW);
    }

    @Test
    void aDryTalkingPotMayBeWatered() {
        assertTrue(check(true, true, PlantState.DRY, false, List.of()).allowed());
        assertTrue(check(false, false, PlantState.OK, false, List.of()).allowed(), "the switch stops only automatic watering");
    }

    @Test
    void neverOnAPotThatIsNotTalking() {
        for (PlantState s : List.of(PlantState.STALE, PlantState.OFFLINE, PlantState.FAULT, PlantState.UNKNOWN)) {
            WateringInterlocks.Decision d = check(false, true, s, false, List.of());
            assertFalse(d.allowed(), s.name());
            assertTrue(d.reason().contains(s.name()), d.reason());
        }
    }

    @Test
    void theGlobalSwitchStopsAutomaticWatering() {
        WateringInterlocks.Decision d = check(true, false, PlantState.DRY, false, List.of());
        assertFalse(d.allowed());
        assertTrue(d.reason().contains("switched off"));
    }

    @Test
    void lockedOutAfterAWateringWithoutEffect() {
        WateringInterlocks.Decision d = check(false, true, PlantState.DRY, true, List.of());
        assertFalse(d.allowed());
        assertTrue(d.reason().contains("acknowledge the WATERING_LOCKED_OUT alert"));
    }

    @Test
    void cooldownSaysWhenNextAllowed() {
        Instant last = NOW.minus(Duration.ofMinutes(20));
        WateringInterlocks.Decision d = check(false, true, PlantState.DRY, false, List.of(new WateringInterlocks.Given(last, 100)));
        assertFalse(d.allowed());
        assertEquals(last.plus(Duration.ofMinutes(60)), d.nextAllowed());
        assertTrue(check(false, true, PlantState.DRY, false,
                List.of(new WateringInterlocks.Given(NOW.minus(Duration.ofMinutes(61)), 100))).allowed());
    }

    @Test
    void dailyMaximumCountsManualAndAutomaticOverTheLast24Hours() {
        List<WateringInterlocks.Given> day = List.of(new WateringInterlocks.Given(NOW.minus(Duration.ofHours(20)), 150),
                new WateringInterlocks.Given(NOW.minus(Duration.ofHours(3)), 150));
        WateringInterlocks.Decision d = check(false, true, PlantState.DRY, false, day);
        assertFalse(d.allowed());
        assertTrue(d.reason().contains("300 ml given in the last 24 h"), d.reason());
        assertEquals(NOW.minus(Duration.ofHours(20)).plus(Duration.ofHours(24)), d.nextAllowed());
        List<WateringInterlocks.Given> old = List.of(new WateringInterlocks.Given(NOW.minus(Duration.ofHours(25)), 400));
        assertTrue(check(false, true, PlantState.DRY, false, old).allowed(), "yesterday's water does not count");
        assertNull(WateringInterlocks.check(false, true, 500, S, PlantState.DRY, false, List.of(), NOW).nextAllowed(),
                "more than the maximum at once is never allowed");
    }
}
