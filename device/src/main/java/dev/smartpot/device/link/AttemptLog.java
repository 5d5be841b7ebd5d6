package dev.smartpot.device.link;

import dev.smartpot.device.board.Log;
import dev.smartpot.device.text.Durations;

/**
 * What a failed connect attempt prints: the cause once, then only a reminder every {@link #REPEAT_REMINDER}
 * attempts, so an outage of hours does not flood a serial console.
 */
final class AttemptLog {

    /** A repeated failure is logged again only every this many attempts. */
    static final int REPEAT_REMINDER = 10;

    private AttemptLog() {
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
