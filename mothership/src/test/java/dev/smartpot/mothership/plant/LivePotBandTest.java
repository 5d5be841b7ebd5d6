package dev.smartpot.mothership.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.api.PotSettings;

/** The pot list draws each plant's dry/wet band on its bar: the view carries the band as set, and follows a change. */
class LivePotBandTest {

    @Test
    void theViewCarriesTheBandAsSetAndFollowsAChange() {
        LivePot pot = new LivePot("p", new PotSettings("Basil", "Kitchen", "herbs", 35, 85, 3, false, 60, 600, 2),
                Instant.parse("2026-12-07T09:00:00Z"));
        assertEquals(35.0, pot.view().dryBelow());
        assertEquals(85.0, pot.view().wetAbove());
        pot.settings(new PotSettings("Basil", "Kitchen", null, 40, 70, 3, false, 60, 600, 2));
        assertEquals(40.0, pot.view().dryBelow());
        assertEquals(70.0, pot.view().wetAbove());
    }
}
