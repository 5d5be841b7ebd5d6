package dev.smartpot.device.link;

import dev.smartpot.device.board.FixHints;
import dev.smartpot.device.board.Log;
import dev.smartpot.device.text.Durations;

/**
 * Notices a pot that keeps losing its session right after connecting while its WiFi is fine. A broker drops a client
 * when another connects with the same client id, so two clients with one id knock each other off in a loop that
 * the logs alone show only as reconnects. Says so once per streak, with the fix. Counts in primitives only.
 */
final class ClientIdClash {

    /** A session lost this soon after its connect counts as knocked off (the other client's retry comes that soon). */
    static final long SHORT_SESSION_MILLIS = 10000;
    /** Short sessions in a row, each connect succeeding at its first try, before the warning. */
    static final int STREAK = 3;

    private final String clientId;
    private final Log log;
    private final FixHints hints;
    private long connectedAt;
    private int shortSessions;
    private boolean warned;

    ClientIdClash(String clientId, Log log, FixHints hints) {
        this.clientId = clientId;
        this.log = log;
        this.hints = hints;
    }

    /** @param failedAttempts attempts that failed before this connect: a broker hard to reach is not a clash */
    void connected(long now, int failedAttempts) {
        if (failedAttempts > 0) {
            endStreak();
        }
        connectedAt = now;
    }

    /** @param wifiUp the WiFi was still up when the session ended: the broker (or the path to it) ended it */
    void sessionEnded(long now, boolean wifiUp) {
        if (!wifiUp || now - connectedAt >= SHORT_SESSION_MILLIS) {
            endStreak();
            return;
        }
        shortSessions++;
        if (shortSessions >= STREAK && !warned) {
            warned = true;
            String hint = hints.hint(FixHints.CLIENT_ID_TAKEN, clientId);
            log.warn("the session ended within " + Durations.format(SHORT_SESSION_MILLIS) + " of connecting " + shortSessions
                    + " times in a row: another client probably uses this pot's client id " + clientId
                    + " (a broker drops one of two clients with the same id when the other connects). Fix: give each client an id"
                    + " of its own; every board has its own, from its chip" + (hint == null ? "" : hint));
        }
    }

    private void endStreak() {
        shortSessions = 0;
        warned = false;
    }
}
