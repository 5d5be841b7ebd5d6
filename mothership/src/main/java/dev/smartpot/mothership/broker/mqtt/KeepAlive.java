package dev.smartpot.mothership.broker.mqtt;

/**
 * When to send PINGREQ and when a silent broker counts as gone, on a clock the caller gives (milliseconds).
 * A PINGREQ goes out whenever nothing was sent for the keep-alive interval, even while the reader is blocked (the
 * broker drops a client silent for 1.5 intervals). The broker's answer waits unread while the reader is deliberately
 * blocked (the store's queue is full, so TCP holds the broker back): that time does not count against it. The broker
 * is gone when a ping stays unanswered for one interval of the reader reading.
 */
public final class KeepAlive {

    /** What {@link #check} says to do. */
    public enum Due { NOTHING, PING, DEAD }

    private final long intervalMs;
    private long lastSentAt;
    /** Packets read so far; only the reader thread counts. */
    private volatile long packetsRead;
    private volatile boolean readerBlocked;
    private volatile long readerBackAt;
    private long pingSentAt = -1;
    private long packetsAtPing;

    public KeepAlive(int intervalSeconds, long nowMs) {
        if (intervalSeconds < 1) {
            throw new IllegalArgumentException("keep-alive " + intervalSeconds + " s; expected 1 or more");
        }
        this.intervalMs = intervalSeconds * 1000L;
        this.lastSentAt = nowMs;
        this.readerBackAt = nowMs;
    }

    /** Bytes went out to the broker (handed to the socket at {@code atMs}). */
    public synchronized void sent(long atMs) {
        lastSentAt = Math.max(lastSentAt, atMs);
    }

    /** The reader read a packet (any packet shows the broker alive). Reader thread only: one writer, so ++ is safe. */
    public void heard() {
        packetsRead++;
    }

    /** The reader hands a message on and may block there. */
    public void readerBlocked() {
        readerBlocked = true;
    }

    /** The reader is back reading the socket. */
    public void readerBack(long nowMs) {
        readerBackAt = nowMs;
        readerBlocked = false;
    }

    /** Called at least once a second and four times an interval; {@link Due#PING}: send PINGREQ now. */
    public synchronized Due check(long nowMs) {
        if (pingSentAt >= 0 && packetsRead != packetsAtPing) {
            pingSentAt = -1;
        }
        if (pingSentAt >= 0 && !readerBlocked && nowMs - Math.max(pingSentAt, readerBackAt) >= intervalMs) {
            return Due.DEAD;
        }
        if (nowMs - lastSentAt >= intervalMs) {
            if (pingSentAt < 0) {
                pingSentAt = nowMs;
                packetsAtPing = packetsRead;
            }
            // Sent or not yet flushed, the ping counts as sent: no second one at the next check.
            lastSentAt = nowMs;
            return Due.PING;
        }
        return Due.NOTHING;
    }

    /** The interval in seconds, for CONNECT. */
    public int intervalSeconds() {
        return (int) (intervalMs / 1000);
    }
}
