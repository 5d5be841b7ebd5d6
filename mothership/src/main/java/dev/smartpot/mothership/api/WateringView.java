package dev.smartpot.mothership.api;

import java.time.Instant;

/**
 * @param trigger "manual" or "auto"
 * @param outcome "done", "refused", "failed", "no-reply"; "pending" while sent and not yet answered (only on
 *                PostgreSQL, where it is recorded before it is sent so that other instances count it)
 * @param moistureBefore percent when it was sent; moistureAfter once the effect check ran (null before)
 */
public record WateringView(long id, String potId, int ml, String trigger, String by, Instant at, String outcome,
                           String reason, Double moistureBefore, Double moistureAfter) {

    /** This watering as stored under {@code id}. */
    public WateringView withId(long id) {
        return new WateringView(id, potId, ml, trigger, by, at, outcome, reason, moistureBefore, moistureAfter);
    }
}
