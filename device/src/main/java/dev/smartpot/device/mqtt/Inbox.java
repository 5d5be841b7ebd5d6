package dev.smartpot.device.mqtt;

import dev.smartpot.device.board.Clock;
import dev.smartpot.device.board.Log;
import dev.smartpot.device.board.Sleeper;
import dev.smartpot.device.text.Printable;

/**
 * The transport's listener: transport threads hand over messages and a lost link here and wake the loop;
 * the loop drains them on its own thread. A bounded FIFO in parallel arrays (no object per message): when
 * full, newer messages are dropped and counted, so a flood cannot exhaust the board's heap. The loop takes at most
 * {@link #PER_TICK} messages a tick, so a flood cannot starve the readings either; drops are warned about at most
 * once per {@link #WARN_EVERY_MILLIS} and counted since boot for the status and the readings.
 *
 * <p>Each kept message's ack goes back to the transport only once the message was handled, so one that is still
 * waiting when the session ends is the broker's again (see {@link #settleAfterDisconnect}). A dropped one is
 * acknowledged at once: the flood guard's drops are counted, not re-delivered. A deep-sleep pot's session ends within
 * seconds, so there a message the inbox has no room for is not dropped but left unacknowledged, for the broker to
 * deliver again at the next wake (a broker may send a wake everything it kept at once: Mosquitto before 2.0.13 does).
 *
 * <p>A payload over {@code maxKeptBytes} is let go at once (only its size is kept, for the error reply). Whether it
 * was buffered whole before it got here is the transport's business: see each MQTT adapter.
 */
public final class Inbox implements MqttListener {

    private static final int CAPACITY = 32;
    /** Messages handled per tick at most; the rest wait for the next tick, after the readings. */
    public static final int PER_TICK = 8;
    static final long WARN_EVERY_MILLIS = 10000;

    private final EchoFilter echoes;
    private final Sleeper sleeper;
    private final int maxKeptBytes;
    private final MqttTransport acks;

    // Written by transport threads, read by the loop: guarded by "this".
    private final String[] topics = new String[CAPACITY];
    private final byte[][] payloads = new byte[CAPACITY][];
    private final int[] sizes = new int[CAPACITY];
    private final boolean[] retained = new boolean[CAPACITY];
    private final int[] ackOf = new int[CAPACITY];
    private int count;
    private int overflow;
    /** Left unacknowledged for the next session because the inbox was full (a deep-sleep pot only). */
    private int heldBack;
    private final boolean holdOverflow;
    /** Dropped since boot; only the loop writes it (from {@code overflow}). */
    private long droppedTotal;
    /** Dropped since the last warning. */
    private long droppedUnwarned;
    private long lastWarnAt = Long.MIN_VALUE / 2;
    private boolean linkLost;
    private String linkLostCause;

    /**
     * @param echoes takes the echo of the pot's own reading before it reaches the inbox
     * @param maxKeptBytes a larger payload is not kept, only its size (for the error reply)
     * @param acks the transport told when a kept message was handled
     * @param holdOverflow a deep-sleep pot: leave a message the inbox has no room for with the broker, unacknowledged
     */
    public Inbox(EchoFilter echoes, Sleeper sleeper, int maxKeptBytes, MqttTransport acks, boolean holdOverflow) {
        this.holdOverflow = holdOverflow;
        this.echoes = echoes;
        this.sleeper = sleeper;
        this.maxKeptBytes = maxKeptBytes;
        this.acks = acks;
    }

    public boolean messageArrived(String topic, byte[] payload, int ack) {
        return add(topic, payload, false, ack);
    }

    public boolean retainedMessageArrived(String topic, byte[] payload, int ack) {
        return add(topic, payload, true, ack);
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

    /** @return true if kept (acknowledged once handled), false if let go (the transport acknowledges it now) */
    private boolean add(String topic, byte[] payload, boolean isRetained, int ack) {
        // The echo of the delivery check is the pot's own reading coming back, not a message for the inbox.
        if (echoes.offer(topic, payload)) {
            sleeper.wake();
            return false;
        }
        synchronized (this) {
            if (count == CAPACITY) {
                if (holdOverflow && ack != MqttTransport.NO_ACK) {
                    // Never acknowledged: the broker's again when this session ends.
                    heldBack++;
                    return true;
                }
                overflow++;
                return false;
            }
            topics[count] = topic;
            // Too big to be a command: not kept, so the transport's copy can go as soon as it returns.
            payloads[count] = payload.length > maxKeptBytes ? null : payload;
            sizes[count] = payload.length;
            retained[count] = isRetained;
            ackOf[count] = ack;
            count++;
        }
        sleeper.wake();
        return true;
    }

    /**
     * Logs up to {@link #PER_TICK} waiting messages, oldest first, and offers each to {@code handlers} in order until
     * one takes it; takes none once {@code clock} reaches {@code stopAt} (the next reading is due: replies that wait
     * for a busy broker must not delay it). See {@link #hasWaiting()} for whether more are left.
     *
     * @return true if there was any message (its handler may have waited on the broker)
     */
    public boolean drainTo(long now, MessageHandler[] handlers, Log log, Clock clock, long stopAt) {
        countDrops(now, log);
        boolean any = false;
        for (int taken = 0; taken < PER_TICK && clock.uptimeMillis() < stopAt; taken++) {
            synchronized (this) {
                if (count == 0) {
                    return any;
                }
            }
            any = true;
            handleOldest(now, handlers, log);
        }
        return any;
    }

    /**
     * After the link closed for good (a deep-sleep wake's end): the inflow has stopped, so this sees every message
     * that will ever reach this session. One whose ack the transport still holds is let go unhandled: unacknowledged,
     * the broker delivers it again at the next session. One already acknowledged ({@link MqttTransport#NO_ACK}) is
     * handled now, or it would be lost; its reply cannot go out any more.
     *
     * @return how many were left for the broker to deliver again
     */
    public int settleAfterDisconnect(long now, MessageHandler[] handlers, Log log) {
        countDrops(now, log);
        int leftToBroker;
        synchronized (this) {
            leftToBroker = heldBack;
            heldBack = 0;
        }
        while (true) {
            synchronized (this) {
                while (count > 0 && ackOf[0] != MqttTransport.NO_ACK) {
                    removeOldest();
                    leftToBroker++;
                }
                if (count == 0) {
                    return leftToBroker;
                }
            }
            handleOldest(now, handlers, log);
        }
    }

    /** Takes the oldest message out, offers it to {@code handlers}, then acknowledges it. */
    private void handleOldest(long now, MessageHandler[] handlers, Log log) {
        String topic;
        byte[] body;
        int size;
        boolean wasRetained;
        int ack;
        synchronized (this) {
            topic = topics[0];
            body = payloads[0];
            size = sizes[0];
            wasRetained = retained[0];
            ack = ackOf[0];
            removeOldest();
        }
        String ignored = null;
        for (int i = 0; i < handlers.length && ignored == null; i++) {
            ignored = handlers[i].ignores(topic);
        }
        // The tutorial's line: every message, as "(topic, payload)"; one that is not for this pot says so.
        String line = "(" + topic + ", " + (body == null ? "<" + size + " bytes>" : Printable.printable(body, 200)) + ")";
        log.info(ignored == null ? line : line + " ignored: " + ignored);
        for (int i = 0; ignored == null && i < handlers.length && !handlers[i].handle(now, topic, body, size, wasRetained); i++) {
            // offered to the next handler
        }
        // Only now is it the pot's for good: until this PUBACK the broker would deliver it again.
        acks.acknowledge(ack);
    }

    /** Guarded by "this". */
    private void removeOldest() {
        count--;
        System.arraycopy(topics, 1, topics, 0, count);
        System.arraycopy(payloads, 1, payloads, 0, count);
        System.arraycopy(sizes, 1, sizes, 0, count);
        System.arraycopy(retained, 1, retained, 0, count);
        System.arraycopy(ackOf, 1, ackOf, 0, count);
        topics[count] = null;
        payloads[count] = null;
    }

    /** True when messages are still waiting: the loop should come back at once. */
    public synchronized boolean hasWaiting() {
        return count > 0;
    }

    /** Messages dropped since boot because the inbox was full. */
    public synchronized long dropped() {
        return droppedTotal + overflow;
    }

    private void countDrops(long now, Log log) {
        int dropped;
        synchronized (this) {
            dropped = overflow;
            overflow = 0;
            droppedTotal += dropped;
        }
        droppedUnwarned += dropped;
        if (droppedUnwarned > 0 && now - lastWarnAt >= WARN_EVERY_MILLIS) {
            log.warn("inbox full: " + droppedUnwarned + " message(s) dropped unread (" + droppedTotal
                    + " since boot): messages come faster than the pot handles them (" + PER_TICK + " per turn of its loop)");
            droppedUnwarned = 0;
            lastWarnAt = now;
        }
    }
}
