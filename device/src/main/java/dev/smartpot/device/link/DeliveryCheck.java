package dev.smartpot.device.link;

import dev.smartpot.device.mqtt.EchoFilter;

/**
 * Confirms, once per connection, that the broker really delivers what this pot publishes to its readings
 * topic. MQTT 3.1.1 has no negative acknowledgement: a broker whose ACL denies a publish (Mosquitto 2) still
 * acknowledges it, then drops it. So after connecting the pot subscribes to its own readings topic, publishes
 * the oldest reading as a probe and keeps it queued until the broker hands it back; then it unsubscribes and
 * drains the rest. No echo within {@link #ECHO_TIMEOUT_MILLIS}: the broker is not delivering those readings.
 *
 * <p>Cost per connection: one subscribe, one echoed reading, one unsubscribe. The loop thread drives it; the
 * transport thread only calls {@link #offer}.
 */
public final class DeliveryCheck implements EchoFilter {

    /** How long the broker has to hand the probe back; on a working link it takes milliseconds. */
    public static final long ECHO_TIMEOUT_MILLIS = 5000;

    private static final int IDLE = 0;
    /** Subscribed to our own topic; the next reading to publish is the probe. */
    private static final int READY = 1;
    /** Probe published; waiting for it to come back. */
    private static final int WAITING = 2;

    private final String topic;
    private final boolean ownsTopic;
    private byte[] probe;
    private int probeLength;
    private long deadline;
    // Shared with the transport thread: guarded by "this".
    private int stage = IDLE;
    private boolean echoed;

    /**
     * @param topic the readings topic, exactly as published
     * @param ownsTopic whether every message on {@code topic} is an echo of ours: false when the pot also
     *        takes commands there, so those are never swallowed
     * @param typicalPayload room for a reading, in bytes; a larger one grows the buffer
     */
    public DeliveryCheck(String topic, boolean ownsTopic, int typicalPayload) {
        this.topic = topic;
        this.ownsTopic = ownsTopic;
        this.probe = new byte[typicalPayload];
    }

    public String topic() {
        return topic;
    }

    /** Subscribed to the readings topic on a fresh connection: the next reading published is the probe. */
    public synchronized void begin() {
        stage = READY;
        echoed = false;
    }

    /** The link went down, or the check is over: no probe is outstanding. */
    public synchronized void reset() {
        stage = IDLE;
        echoed = false;
    }

    /** True while readings must wait: the probe is yet to be sent, or yet to come back. */
    public synchronized boolean isHoldingReadings() {
        return stage != IDLE;
    }

    public synchronized boolean isWaitingForEcho() {
        return stage == WAITING;
    }

    /** Records the probe just published (a copy of its bytes) and starts the clock on its echo. */
    public synchronized void probeSent(byte[] payload, int length, long now) {
        if (length > probe.length) {
            probe = new byte[length];
        }
        System.arraycopy(payload, 0, probe, 0, length);
        probeLength = length;
        deadline = now + ECHO_TIMEOUT_MILLIS;
        echoed = false;
        stage = WAITING;
    }

    /** When the probe counts as lost; meaningful only while {@link #isWaitingForEcho()}. */
    public synchronized long deadline() {
        return deadline;
    }

    public synchronized boolean hasEchoed() {
        return stage == WAITING && echoed;
    }

    /**
     * From the transport thread: true if the message is an echo of our readings and is consumed here (it is
     * not a command). Other pots' readings on a shared topic never match the probe, which carries our id and seq.
     */
    public synchronized boolean offer(String arrivedTopic, byte[] payload) {
        if (!topic.equals(arrivedTopic)) {
            return false;
        }
        if (stage == WAITING && sameAsProbe(payload)) {
            echoed = true;
            return true;
        }
        return ownsTopic;
    }

    private boolean sameAsProbe(byte[] payload) {
        if (payload.length != probeLength) {
            return false;
        }
        for (int i = 0; i < probeLength; i++) {
            if (payload[i] != probe[i]) {
                return false;
            }
        }
        return true;
    }
}
