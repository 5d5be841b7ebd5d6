package dev.smartpot.device.link;

import dev.smartpot.device.board.Log;
import dev.smartpot.device.mqtt.EchoFilter;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;
import dev.smartpot.device.mqtt.Subscriptions;
import dev.smartpot.device.reading.Confirmations;
import dev.smartpot.device.reading.ReadingPublisher;
import dev.smartpot.protocol.WireTopics;

/**
 * Hears the mothership's acknowledgements: subscribes to this pot's {@code from_mothership/{id}/ack} on each new
 * session (the broker then hands over the retained one) and takes every acknowledgement on the transport's thread,
 * before the inbox, so it is never logged as a message nor taken for a command; another pot's, which a wildcard
 * command subscription brings, is dropped the same way. Each new session also has the publisher send again what the
 * broker took in this wake and the mothership has not confirmed.
 */
public final class AckSubscription implements SessionStep, EchoFilter {

    private final String topic;
    private final boolean enabled;
    private final Confirmations confirmations;
    private final ReadingPublisher publisher;
    private final EchoFilter next;
    private final Log log;
    private String refused;

    /** @param next the filter for everything else (the delivery check) */
    public AckSubscription(String clientId, ReadingPublisher publisher, EchoFilter next, Log log) {
        this.topic = WireTopics.ack(clientId);
        this.confirmations = publisher.confirmations();
        // Where no confirmation can come (QoS 0, text readings) nothing is subscribed.
        this.enabled = confirmations.enabled();
        this.publisher = publisher;
        this.next = next;
        this.log = log;
    }

    public boolean start(MqttTransport mqtt, boolean kept) throws MqttTransportException {
        publisher.newSession();
        if (!enabled || kept) {
            return true;
        }
        String refusal = Subscriptions.subscribeUnlessRefused(mqtt, topic, WireTopics.ACK_TEMPLATE);
        if (refusal != null && !refusal.equals(refused)) {
            log.warn(refusal + ": this pot will not hear the mothership confirm what it stored, and trusts the broker's"
                    + " acknowledgement alone. Fix: allow this pot's account to read " + topic + " in the broker's ACL");
        }
        refused = refusal;
        return refusal == null;
    }

    public int fingerprint(int hash) {
        return enabled ? SessionSetup.hash(hash, topic) : hash;
    }

    public boolean describe(StringBuilder line) {
        return true;
    }

    public void linkDown() {
    }

    public boolean offer(String arrived, byte[] payload) {
        if (arrived.equals(topic)) {
            confirmations.offer(payload);
            return true;
        }
        return isAnyPotsAck(arrived) || next.offer(arrived, payload);
    }

    /** {@code from_mothership/+/ack}, checked without allocating: every message passes here. */
    private static boolean isAnyPotsAck(String arrived) {
        int idStart = WireTopics.DOWN.length() + 1;
        int idEnd = arrived.length() - WireTopics.ACK_LEVEL.length() - 1;
        return idEnd > idStart && arrived.startsWith(WireTopics.DOWN) && arrived.charAt(idStart - 1) == '/'
                && arrived.endsWith(WireTopics.ACK_LEVEL) && arrived.charAt(idEnd) == '/'
                && arrived.indexOf('/', idStart) == idEnd;
    }
}
