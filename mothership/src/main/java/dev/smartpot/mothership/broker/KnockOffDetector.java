package dev.smartpot.mothership.broker;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Tells a knock-off loop from an ordinary outage: a broker allows one connection per client id, so two
 * motherships with the same id throw each other off a few times a second, each reconnecting at once. Five links
 * closed within 30 s, each within 3 s of its connect (or an MQTT 5 "session taken over"), is that pattern; a broker
 * restart or two, or a refused login, is not (a broker crash-looping five times in 30 s would be, hence "most
 * likely" in the message).
 */
final class KnockOffDetector {

    static final long SHORT_LINK_MS = 3_000;
    static final long WINDOW_MS = 30_000;
    static final int DROPS = 5;

    private final Deque<Long> quickDrops = new ArrayDeque<>();
    private long connectedAt = -1;
    /** Never warned: far enough back that the first warning is due at once (and no subtraction overflows). */
    private long warnedAt = Long.MIN_VALUE / 2;

    synchronized void connected(long nowMillis) {
        connectedAt = nowMillis;
    }

    /**
     * The link dropped. Returns true when it is time to say so (the pattern holds; at most once per window).
     */
    synchronized boolean closedByBroker(long nowMillis, boolean sessionTakenOver) {
        boolean quick = connectedAt >= 0 && nowMillis - connectedAt < SHORT_LINK_MS;
        connectedAt = -1;
        if (quick || sessionTakenOver) {
            quickDrops.addLast(nowMillis);
        }
        while (!quickDrops.isEmpty() && nowMillis - quickDrops.peekFirst() > WINDOW_MS) {
            quickDrops.removeFirst();
        }
        boolean loop = sessionTakenOver || quickDrops.size() >= DROPS;
        if (loop && nowMillis - warnedAt >= WINDOW_MS) {
            warnedAt = nowMillis;
            return true;
        }
        return false;
    }
}
