package dev.smartpot.mothership.api;

import java.time.Instant;

/**
 * One stored reading. {@code ts} is the pot's own time when it sent one, else the time it was received.
 *
 * @param boot the pot's boot number as the mothership counts it (the pot's {@code boot} field when sent,
 *             otherwise incremented when seq restarts or uptime goes back)
 * @param batteryMv the battery voltage the pot measured with this reading, in mV; null when it sent none
 */
public record ReadingView(String potId, long boot, long seq, Integer raw, Double moisture, String fault,
                          Instant ts, Instant receivedAt, Integer batteryMv) {

    /** A reading without a battery voltage. */
    public ReadingView(String potId, long boot, long seq, Integer raw, Double moisture, String fault, Instant ts,
                       Instant receivedAt) {
        this(potId, boot, seq, raw, moisture, fault, ts, receivedAt, null);
    }

    /** Whether {@code ts} is the pot's own clock (else it is the arrival time). */
    public boolean hasPotClock() {
        return !ts.equals(receivedAt);
    }
}
