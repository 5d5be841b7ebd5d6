package dev.smartpot.mothership.notify;

import java.time.Instant;

/**
 * One notification of one alert to one target, as the dashboard shows it.
 *
 * @param target   the target's URL, masked
 * @param status   pending (tried again at nextAt), sent (the receiver acknowledged it at sentAt) or failed (given up)
 * @param held     held through quiet hours, sent in a digest
 * @param error    the last attempt's error, null when none failed
 */
public record Delivery(long id, long alertId, String targetKey, String target, String status, boolean held, int attempts,
                       Instant nextAt, Instant sentAt, String error, Instant createdAt) {
}
