package dev.smartpot.mothership.store;

import java.util.Collection;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The writer's queue as a broker fills it, on a clock that moves only when the gather waits: pots publish at the
 * given times (ns); the broker passes a publish on once it is due and fewer than {@code window} messages are
 * unacknowledged (MQTT's in-flight window), and holds it otherwise. {@link #ack} is the commit's acknowledgement.
 */
final class WindowedBroker extends LinkedBlockingQueue<Object> {

    private final long[] publishedAt;
    private final int window;
    private long now;
    private int sent;
    private int unacknowledged;

    WindowedBroker(long[] publishedAt, int window) {
        this.publishedAt = publishedAt.clone();
        this.window = window;
    }

    /** {@code count} publishes, one every {@code everyNanos} from 0. */
    static long[] paced(int count, long everyNanos) {
        long[] at = new long[count];
        for (int i = 0; i < count; i++) {
            at[i] = i * everyNanos;
        }
        return at;
    }

    long now() {
        return now;
    }

    boolean done() {
        return sent == publishedAt.length && isEmpty();
    }

    void ack(int count) {
        unacknowledged -= count;
    }

    @Override
    public Object poll(long timeout, TimeUnit unit) {
        deliverDue();
        if (isEmpty() && sent < publishedAt.length && unacknowledged < window
                && publishedAt[sent] <= now + unit.toNanos(timeout)) {
            now = Math.max(now, publishedAt[sent]);
            deliverDue();
        }
        if (isEmpty()) {
            now += unit.toNanos(timeout);
            return null;
        }
        return super.poll();
    }

    @Override
    public int drainTo(Collection<? super Object> c, int maxElements) {
        deliverDue();
        return super.drainTo(c, maxElements);
    }

    private void deliverDue() {
        while (sent < publishedAt.length && unacknowledged < window && publishedAt[sent] <= now) {
            super.offer("m" + sent++);
            unacknowledged++;
        }
    }
}
