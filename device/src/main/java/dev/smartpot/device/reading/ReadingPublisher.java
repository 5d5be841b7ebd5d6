package dev.smartpot.device.reading;

import dev.smartpot.device.board.Log;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;
import dev.smartpot.device.text.LogLine;
import dev.smartpot.device.text.PayloadBuffer;

/**
 * Publishes queued readings oldest first; a reading leaves the queue only once the transport took it. Encoding
 * a reading and backing off from a busy transport happen here and nowhere else. A steady cycle allocates
 * nothing: one payload buffer and one log line, reused.
 */
public final class ReadingPublisher {

    public static final int SENT = 0;
    /** Too many publishes in flight: the link is fine, the reading waits a moment. */
    public static final int BUSY = 1;
    /** The link failed; {@link #failure()} says how. */
    public static final int FAILED = 2;

    /** Readings published per tick before the loop looks at its inbox again. */
    private static final int DRAIN_BATCH = 64;
    /** After "too many publishes in flight", wait this long before the next publish. */
    private static final long BUSY_RETRY_MILLIS = 50;

    private final ReadingQueue queue;
    private final PayloadEncoder encoder;
    private final MoistureScale scale;
    private final MqttTransport mqtt;
    private final Log log;
    private final LogLine line;
    private final String topic;
    private final int qos;
    private final PayloadBuffer payload = new PayloadBuffer(160);
    private long published;
    private long notBefore;
    /** Publishes attempted since boot: a tick that made one waited on the broker. */
    private long sends;
    private String failure;

    public ReadingPublisher(ReadingQueue queue, PayloadEncoder encoder, MoistureScale scale, MqttTransport mqtt, Log log,
            LogLine line, String topic, int qos) {
        this.queue = queue;
        this.encoder = encoder;
        this.scale = scale;
        this.mqtt = mqtt;
        this.log = log;
        this.line = line;
        this.topic = topic;
        this.qos = qos;
    }

    /** True when a reading waits and the transport is not known to be busy. */
    public boolean isDue(long now) {
        return !queue.isEmpty() && now >= notBefore;
    }

    /** When a reading held back by a busy transport may go. */
    public long notBefore() {
        return notBefore;
    }

    /**
     * Publishes up to a batch of queued readings.
     *
     * @return why the link failed, or null
     */
    public String drain(long now) {
        if (!isDue(now)) {
            return null;
        }
        int backlog = queue.size();
        long firstSeq = queue.oldestSeq();
        int sent = 0;
        int result = SENT;
        while (!queue.isEmpty() && sent < DRAIN_BATCH) {
            long seq = queue.oldestSeq();
            int raw = queue.oldestRawCode();
            encodeOldest();
            result = send(now);
            if (result != SENT) {
                break;
            }
            delivered(seq);
            sent++;
            if (backlog == 1) {
                logPublished(seq, raw);
            }
        }
        if (backlog > 1 && sent > 0) {
            line.clear().append("delivered ").append(sent).append(" queued readings, #").append(firstSeq).append(" to #")
                    .append(firstSeq + sent - 1);
            if (queue.isEmpty()) {
                line.append("; queue empty");
            } else {
                line.append("; ").append(queue.size()).append(" still queued");
            }
            log.info(line);
        }
        return result == FAILED ? failure : null;
    }

    /**
     * Encodes the oldest queued reading into {@link #payload()} from what it was frozen with when taken: a resend
     * sends the same bytes.
     *
     * @return its sequence number
     */
    public long encodeOldest() {
        // One lock: the reading taken beside the loop may drop the oldest from a full queue meanwhile.
        synchronized (queue) {
            encoder.encode(payload, queue.oldestSeq(), queue.oldestUptime(), queue.oldestWallMillis(), queue.oldestRawCode(),
                    queue.oldestDrops(), queue.oldestBatteryMv(), queue.oldestCommandsDropped());
            return queue.oldestSeq();
        }
    }

    public PayloadBuffer payload() {
        return payload;
    }

    /** Publishes {@link #payload()}: {@link #SENT}, {@link #BUSY} (retried after a moment) or {@link #FAILED}. */
    public int send(long now) {
        sends++;
        try {
            mqtt.publish(topic, payload.bytes(), payload.length(), qos, false);
            return SENT;
        } catch (MqttTransportException e) {
            if (e.kind() == MqttTransportException.BUSY) {
                notBefore = now + BUSY_RETRY_MILLIS;
                return BUSY;
            }
            failure = "publish failed: " + e.getMessage();
            return FAILED;
        }
    }

    /** Publishes attempted since boot, readings and probes. */
    public long sends() {
        return sends;
    }

    /** Why the last {@link #send} failed. */
    public String failure() {
        return failure;
    }

    /**
     * The reading {@code seq} went out (or, published earlier and kept queued, has arrived): it leaves the queue
     * unless a full queue dropped it meanwhile.
     *
     * @return whether it was still queued
     */
    public boolean delivered(long seq) {
        if (!queue.removeIfOldest(seq)) {
            return false;
        }
        published++;
        return true;
    }

    /** The tutorial's line for a reading that went out. */
    public void logPublished(long seq, int raw) {
        line.clear().append("published #").append(seq).append(" to ").append(topic).append(": ");
        int fault = scale.fault(raw);
        if (fault == MoistureScale.OK) {
            line.append("moisture ").appendTenths(scale.tenthsOfPercent(raw)).append("% (raw ").append(raw).append(')');
        } else {
            line.append("sensor fault ").append(MoistureScale.faultName(fault));
            if (raw != RawCodes.READ_ERROR) {
                line.append(" (raw ").append(raw).append(')');
            }
        }
        log.info(line);
    }

    /** Readings the broker acknowledged (or, at QoS 0, that were handed to the transport), since boot. */
    public long published() {
        return published;
    }
}
