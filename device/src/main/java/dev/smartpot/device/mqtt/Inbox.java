package dev.smartpot.device.mqtt;

import dev.smartpot.device.board.Log;
import dev.smartpot.device.board.Sleeper;
import dev.smartpot.device.text.Printable;

/**
 * The transport's listener: transport threads hand over messages and a lost link here and wake the loop;
 * the loop drains them on its own thread. A bounded FIFO in parallel arrays (no object per message): when
 * full, newer messages are dropped and counted, so a flood cannot exhaust the board's heap.
 */
public final class Inbox implements MqttListener {

    private static final int CAPACITY = 32;

    private final EchoFilter echoes;
    private final Sleeper sleeper;
    private final int maxKeptBytes;

    // Written by transport threads, read by the loop: guarded by "this".
    private final String[] topics = new String[CAPACITY];
    private final byte[][] payloads = new byte[CAPACITY][];
    private final int[] sizes = new int[CAPACITY];
    private final boolean[] retained = new boolean[CAPACITY];
    private int count;
    private int overflow;
    private boolean linkLost;
    private String linkLostCause;

    /**
     * @param echoes takes the echo of the pot's own reading before it reaches the inbox
     * @param maxKeptBytes a larger payload is not kept, only its size (for the error reply)
     */
    public Inbox(EchoFilter echoes, Sleeper sleeper, int maxKeptBytes) {
        this.echoes = echoes;
        this.sleeper = sleeper;
        this.maxKeptBytes = maxKeptBytes;
    }

    public void messageArrived(String topic, byte[] payload) {
        add(topic, payload, false);
    }

    public void retainedMessageArrived(String topic, byte[] payload) {
        add(topic, payload, true);
    }

    public void connectionLost(String cause) {
        synchronized (this) {
            linkLost = true;
            linkLostCause = cause;
        }
        sleeper.wake();
    }

    /** Why the transport lost the link since the last call, or null if it did not. */
    public synchronized String takeLinkLost() {
        String cause = linkLost ? (linkLostCause == null ? "unknown cause" : linkLostCause) : null;
        linkLost = false;
        linkLostCause = null;
        return cause;
    }

    private void add(String topic, byte[] payload, boolean isRetained) {
        // The echo of the delivery check is the pot's own reading coming back, not a message for the inbox.
        if (echoes.offer(topic, payload)) {
            sleeper.wake();
            return;
        }
        synchronized (this) {
            if (count == CAPACITY) {
                overflow++;
                return;
            }
            topics[count] = topic;
            payloads[count] = payload.length > maxKeptBytes ? null : payload;
            sizes[count] = payload.length;
            retained[count] = isRetained;
            count++;
        }
        sleeper.wake();
    }

    /**
     * Logs each waiting message, oldest first, and offers it to {@code handlers} in order until one takes it.
     *
     * @return true if there was any message (its handler may have waited on the broker)
     */
    public boolean drainTo(long now, MessageHandler[] handlers, Log log) {
        boolean any = false;
        while (true) {
            String topic;
            byte[] body;
            int size;
            boolean wasRetained;
            int dropped;
            synchronized (this) {
                if (count == 0) {
                    return any;
                }
                any = true;
                topic = topics[0];
                body = payloads[0];
                size = sizes[0];
                wasRetained = retained[0];
                count--;
                System.arraycopy(topics, 1, topics, 0, count);
                System.arraycopy(payloads, 1, payloads, 0, count);
                System.arraycopy(sizes, 1, sizes, 0, count);
                System.arraycopy(retained, 1, retained, 0, count);
                topics[count] = null;
                payloads[count] = null;
                dropped = overflow;
                overflow = 0;
            }
            if (dropped > 0) {
                log.warn("inbox full: " + dropped + " message(s) dropped");
            }
            // The tutorial's line: every message, as "(topic, payload)".
            log.info("(" + topic + ", " + (body == null ? "<" + size + " bytes>" : Printable.printable(body, 200)) + ")");
            for (int i = 0; i < handlers.length && !handlers[i].handle(now, topic, body, size, wasRetained); i++) {
                // offered to the next handler
            }
        }
    }
}
