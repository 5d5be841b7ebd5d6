package dev.smartpot.device.link;

import dev.smartpot.device.board.Clock;
import dev.smartpot.device.board.FixHints;
import dev.smartpot.device.board.Log;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;
import dev.smartpot.device.reading.ReadingPublisher;
import dev.smartpot.device.reading.ReadingQueue;
import dev.smartpot.device.text.Durations;

/**
 * Runs the {@link DeliveryCheck} on each connection: subscribes to the readings topic, sends the oldest
 * reading as the probe (kept queued) and holds the other readings until the broker hands it back. No echo in
 * time: the broker acknowledges and drops what this pot publishes, so the link is refused and every reading
 * stays queued.
 */
public final class DeliveryProbe implements SessionStep {

    private final boolean enabled;
    private final DeliveryCheck delivery;
    private final ReadingPublisher publisher;
    private final ReadingQueue queue;
    private final MqttTransport mqtt;
    private final LinkSupervisor link;
    private final SessionSetup session;
    private final Clock clock;
    private final FixHints hints;
    private final Log log;
    private final String topic;
    private long probeSeq;
    private int probeRaw;
    private int failures;
    /** The readings topic the broker does not deliver on; null once it does. Survives reconnects so it is logged once. */
    private String problem;
    private boolean uncheckableLogged;

    public DeliveryProbe(boolean enabled, DeliveryCheck delivery, ReadingPublisher publisher, ReadingQueue queue,
            MqttTransport mqtt, LinkSupervisor link, SessionSetup session, Clock clock, FixHints hints, Log log) {
        this.enabled = enabled;
        this.delivery = delivery;
        this.publisher = publisher;
        this.queue = queue;
        this.mqtt = mqtt;
        this.link = link;
        this.session = session;
        this.clock = clock;
        this.hints = hints;
        this.log = log;
        this.topic = delivery.topic();
    }

    /** Subscribes to the pot's own readings topic so the first reading can come back as proof of delivery. */
    public boolean start(MqttTransport transport, boolean kept) throws MqttTransportException {
        if (!enabled || kept) {
            // A kept session is one whose delivery this check confirmed: a session is remembered only after the echo.
            return true;
        }
        try {
            transport.subscribe(topic, 0);
            delivery.begin();
            return false;
        } catch (MqttTransportException e) {
            if (e.kind() != MqttTransportException.REFUSED) {
                throw e;
            }
            if (!uncheckableLogged) {
                log.warn("cannot confirm that readings arrive: " + e.getMessage() + "; publishing without that check");
                uncheckableLogged = true;
            }
            return true;
        }
    }

    public int fingerprint(int hash) {
        return enabled ? SessionSetup.hash(SessionSetup.hash(hash, "delivery checked"), topic) : hash;
    }

    /** While a known problem is checked again, its outcome is what gets logged, not the connect. */
    public boolean describe(StringBuilder line) {
        return problem == null;
    }

    public void linkDown() {
        delivery.reset();
    }

    public boolean isWaitingForEcho() {
        return delivery.isWaitingForEcho();
    }

    /** When the probe counts as lost, while {@link #isWaitingForEcho()}. */
    public long deadline() {
        return delivery.deadline();
    }

    /**
     * True once readings may flow on this connection: the check is confirmed, or not needed. Sends the probe
     * when it is due; takes the link down (or refuses it) when the check fails.
     */
    public boolean releasesReadings(long now) {
        if (!delivery.isHoldingReadings()) {
            return true;
        }
        if (!delivery.hasEchoed()) {
            if (delivery.isWaitingForEcho()) {
                if (now >= delivery.deadline()) {
                    refuse(now);
                }
                return false;
            }
            if (!sendProbe(now) || !delivery.hasEchoed()) {
                return false;
            }
        }
        return confirm(now);
    }

    /** Publishes the oldest reading as the probe, keeping it queued; false if nothing could be sent. */
    private boolean sendProbe(long now) {
        if (!publisher.isDue(now)) {
            return false;
        }
        probeSeq = publisher.encodeNext();
        probeRaw = publisher.encodedRawCode();
        // Armed before publishing: the echo can arrive before publish() returns.
        delivery.probeSent(publisher.payload().bytes(), publisher.payload().length(), now);
        int result = publisher.send(now);
        if (result == ReadingPublisher.SENT) {
            return true;
        }
        delivery.begin();
        if (result == ReadingPublisher.FAILED) {
            link.failed(publisher.failure());
        }
        return false;
    }

    private boolean confirm(long now) {
        long seq = probeSeq;
        int raw = probeRaw;
        // False for a reading the broker took before (sent again in this session): it was logged then.
        boolean stillQueued = publisher.delivered(seq);
        delivery.reset();
        try {
            mqtt.unsubscribe(topic);
        } catch (MqttTransportException e) {
            link.failed("unsubscribe failed: " + e.getMessage());
            return false;
        }
        session.confirmed();
        if (problem != null) {
            log.info("readings get through again: the broker delivered #" + seq + " on " + topic);
            problem = null;
            failures = 0;
        }
        if (stillQueued) {
            publisher.logPublished(seq, raw);
        }
        return true;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /** The broker acknowledged the probe but never delivered it: keep every reading and wait at the cap. */
    private void refuse(long now) {
        link.refused(now, "readings not delivered on " + topic);
        failures++;
        String retry = Durations.format(link.retryDelayWhenRefused());
        if (!topic.equals(problem)) {
            log.error("readings are not getting through: the broker acknowledged reading #" + probeSeq + " on " + topic
                    + " but did not deliver it within " + Durations.format(DeliveryCheck.ECHO_TIMEOUT_MILLIS)
                    + ": it drops what this pot publishes there (a broker ACL that denies a topic acknowledges and discards)"
                    + "; the readings stay queued (" + queue.size() + "), retrying every " + retry
                    + ". Fix: allow this pot's account to write and read " + topic + " in the broker's ACL, or set"
                    + " mqtt.topic.publish to a topic it may use" + orEmpty(hints.hint(FixHints.READINGS_NOT_DELIVERED, topic))
                    + "; if pots may not read their own topics there, set mqtt.delivery.check = false");
            problem = topic;
        } else if (failures % AttemptLog.REPEAT_REMINDER == 0) {
            log.warn("readings still not delivered on " + topic + " after " + failures + " checks; " + queue.size()
                    + " queued, retrying every " + retry);
        }
    }
}
