package dev.smartpot.device.reading;

import dev.smartpot.device.board.Log;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;
import dev.smartpot.device.text.LogLine;
import dev.smartpot.device.text.PayloadBuffer;

/**
 * Publishes queued readings oldest first. A reading the broker acknowledged stays queued until the mothership
 * confirms it ({@link Confirmations}; or leaves at once where the broker's word is trusted), and each new session
 * (a reconnect) sends those of this wake again with the same bytes, since a broker that acknowledged may still lose
 * them (it saves after it acknowledges); the mothership stores an identical reading once. Readings the broker took
 * before this boot or wake are not sent again: their uptime now counts from another start, so their bytes would
 * differ; they wait for the confirmation. Encoding a reading and backing off from a busy transport happen here and
 * nowhere else. A steady cycle allocates nothing: one payload buffer and one log line, reused.
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
    private final QueuedReading reading;
    private final Confirmations confirmations;
    /** Readings up to this seq went out in this session; a new session starts again at the resend floor. */
    private long sentThrough;
    /** The broker took the readings up to this seq before this boot or wake: they are never sent again. */
    private final long resendFloor;
    private long published;
    private long notBefore;
    /** Publishes attempted since boot: a tick that made one waited on the broker. */
    private long sends;
    private String failure;

    public ReadingPublisher(ReadingQueue queue, PayloadEncoder encoder, MoistureScale scale, MqttTransport mqtt, Log log,
            LogLine line, String topic, int qos, long ackWaitMillis) {
        this.queue = queue;
        this.reading = new QueuedReading(queue);
        // The mothership can confirm only JSON readings, which name their boot, sent at QoS 1.
        this.confirmations = new Confirmations(queue, log, ackWaitMillis, encoder.boot(), encoder.isJson() && qos == 1);
        this.resendFloor = queue.custody().through();
        this.sentThrough = resendFloor;
        this.encoder = encoder;
        this.scale = scale;
        this.mqtt = mqtt;
        this.log = log;
        this.line = line;
        this.topic = topic;
        this.qos = qos;
    }

    /** True when a reading waits to be sent in this session and the transport is not known to be busy. */
    public boolean isDue(long now) {
        return hasUnsent() && now >= notBefore;
    }

    /** True when a queued reading has not gone out in this session (a reading at the broker from before this wake never does). */
    public boolean hasUnsent() {
        synchronized (queue) {
            return !queue.isEmpty() && nextSeq() - queue.oldestSeq() < queue.size();
        }
    }

    private long nextSeq() {
        long oldest = queue.oldestSeq();
        return sentThrough >= oldest ? sentThrough + 1 : oldest;
    }

    /** A new session: the readings of this wake the broker took are sent again, as the broker may have lost them. */
    public void newSession() {
        sentThrough = resendFloor;
    }

    /** The mothership's word on what it stored: applied before each publishing turn. */
    public Confirmations confirmations() {
        return confirmations;
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
        confirmations.apply(now);
        if (confirmations.resendForGap(now)) {
            newSession();
        }
        if (!isDue(now)) {
            return null;
        }
        int backlog = unsent();
        long firstSeq = -1;
        int sent = 0;
        int result = SENT;
        while (sent < DRAIN_BATCH && hasUnsent()) {
            long seq = encodeNext();
            int raw = reading.rawCode;
            firstSeq = firstSeq < 0 ? seq : firstSeq;
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
            int left = unsent();
            if (left == 0) {
                line.append(queue.isEmpty() ? "; queue empty" : "; nothing left to send");
            } else {
                line.append("; ").append(left).append(" still queued");
            }
            log.info(line);
        }
        // What went out now waits for the mothership from now on.
        confirmations.apply(now);
        return result == FAILED ? failure : null;
    }

    private int unsent() {
        synchronized (queue) {
            long n = queue.size() - (nextSeq() - queue.oldestSeq());
            return n <= 0 ? 0 : (int) n;
        }
    }

    /**
     * Encodes the next reading to send in this session into {@link #payload()} from what it was frozen with when taken:
     * a resend sends the same bytes. Call only while {@link #hasUnsent()}.
     *
     * @return its sequence number
     */
    public long encodeNext() {
        // One lock: the reading taken beside the loop may drop the oldest from a full queue meanwhile.
        synchronized (queue) {
            reading.load(nextSeq());
            encoder.encode(payload, reading.seq, reading.uptimeMillis, reading.wallMillis, reading.rawCode, reading.drops,
                    reading.batteryMv, reading.commandsDropped);
            return reading.seq;
        }
    }

    /** The raw code of the reading {@link #encodeNext()} encoded last. */
    public int encodedRawCode() {
        return reading.rawCode;
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
     * The broker took the reading {@code seq} (its PUBACK; at QoS 0, the transport): it waits at the broker for the
     * mothership's confirmation, or leaves the queue where the broker's word is trusted.
     *
     * @return false when it was sent before (a resend) or a full queue dropped it meanwhile
     */
    public boolean delivered(long seq) {
        sentThrough = seq;
        BrokerCustody custody = queue.custody();
        boolean first = seq > custody.through();
        custody.reached(seq);
        if (!confirmations.confirming()) {
            queue.removeThrough(seq);
        }
        if (first) {
            published++;
        }
        return first;
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
