package dev.smartpot.device.link;

import java.util.Random;

/**
 * Delays between reconnect attempts: exponential from a floor to a cap, with full jitter so a fleet of
 * pots that lost the same broker does not come back in lock-step. One instance per device: nothing is
 * shared or static.
 */
final class Backoff {

    private final long floorMillis;
    private final long capMillis;
    private final Random random;
    private int failures;

    public Backoff(long floorMillis, long capMillis, Random random) {
        this.floorMillis = floorMillis;
        this.capMillis = capMillis;
        this.random = random;
    }

    /** The delay before the next attempt, after one more failure. */
    public long nextDelayMillis() {
        long ceiling = floorMillis;
        for (int i = 0; i < failures && ceiling < capMillis; i++) {
            ceiling *= 2;
        }
        if (ceiling > capMillis) {
            ceiling = capMillis;
        }
        failures++;
        long span = ceiling - floorMillis;
        long jitter = span <= 0 ? 0 : (long) (random.nextDouble() * (span + 1));
        return floorMillis + jitter;
    }

    /** Failures since the last {@link #reset()}. */
    public int failures() {
        return failures;
    }

    public void reset() {
        failures = 0;
    }
}
