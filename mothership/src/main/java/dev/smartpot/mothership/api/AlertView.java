package dev.smartpot.mothership.api;

import java.time.Instant;

/**
 * Raised once when a state worth a person's attention begins, closed when it ends.
 *
 * @param kind DRY, WET, STALE, OFFLINE, FAULT, NO_EFFECT (watering did not raise the moisture),
 *             WATERING_LOCKED_OUT
 */
public record AlertView(long id, String potId, String kind, String message, Instant raisedAt, Instant closedAt,
                        Instant acknowledgedAt, String acknowledgedBy) {
    public boolean open() {
        return closedAt == null;
    }
}
