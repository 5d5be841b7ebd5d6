package dev.smartpot.device.link;

import dev.smartpot.device.board.Log;
import dev.smartpot.device.text.Durations;

/**
 * What a connect attempt prints: the "connected" line with the outage it ended and, for a failed attempt, the
 * cause once, then only a reminder every {@link #REPEAT_REMINDER} attempts, so an outage of hours does not flood a
 * serial console.
 */
final class AttemptLog {

    /** A repeated failure is logged again only every this many attempts. */
    static final int REPEAT_REMINDER = 10;

    private AttemptLog() {
    }

    /**
     * {@code connected to tcp://... [after N attempts, 12s offline]}, completed by the session steps.
     *
     * @param failedAttempts failed attempts before this one since the link was last up
     */
    static void connected(Log log, SessionSetup session, String broker, int failedAttempts, long offlineMillis) {
        StringBuilder line = new StringBuilder("connected to ").append(broker);
        if (failedAttempts > 0) {
            line.append(" after ").append(failedAttempts + 1).append(" attempts, ")
                    .append(Durations.format(offlineMillis)).append(" offline");
        }
        String connected = session.describe(line);
        if (connected != null) {
            log.info(connected);
        }
    }

    /**
     * @param repeated the same cause as the last attempt's
     * @param attempts failed attempts since the link was last up
     */
    static void failed(Log log, String reason, boolean refused, long delay, boolean repeated, int attempts) {
        if (!repeated) {
            if (refused) {
                log.error(reason + "; retrying every " + Durations.format(delay) + " (backoff.max) until that is fixed");
            } else {
                log.warn(reason + "; retrying in " + Durations.format(delay));
            }
        } else if (refused && attempts % REPEAT_REMINDER == 0) {
            log.warn("still refused after " + attempts + " attempts; retrying every " + Durations.format(delay));
        } else if (attempts % REPEAT_REMINDER == 0) {
            log.warn("still offline after " + attempts + " attempts (" + reason + "); retrying in " + Durations.format(delay));
        }
    }
}
