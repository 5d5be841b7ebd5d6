package dev.smartpot.mothership.api;

import java.time.Instant;

/**
 * @param trigger "manual" or "auto"
 * @param outcome "done", "refused", "failed", "no-reply"
 * @param moistureBefore percent when it was sent; moistureAfter once the effect check ran (null before)
 */
public record WateringView(long id, String potId, int ml, String trigger, String by, Instant at, String outcome,
                           String reason, Double moistureBefore, Double moistureAfter) {
}
