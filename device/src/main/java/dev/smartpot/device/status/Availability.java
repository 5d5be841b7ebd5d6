package dev.smartpot.device.status;

import dev.smartpot.device.board.Log;
import dev.smartpot.device.link.SessionStep;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;

/**
 * The pot's retained status topic: "online" on each connect, "offline" on a clean stop, and "offline" as the
 * last will the broker publishes when the pot vanishes.
 */
public final class Availability implements SessionStep {

    private static final byte[] ONLINE = ascii("online");
    private static final byte[] OFFLINE = ascii("offline");

    private final String topic;
    private final Log log;

    public Availability(String topic, Log log) {
        this.topic = topic;
        this.log = log;
    }

    /** The will's payload, for the connect settings. */
    public static byte[] willPayload() {
        return ascii("offline");
    }

    public void start(MqttTransport mqtt) throws MqttTransportException {
        mqtt.publish(topic, ONLINE, ONLINE.length, 1, true);
    }

    public boolean describe(StringBuilder line) {
        line.append("; status ").append(topic).append(" = online");
        return true;
    }

    public void linkDown() {
    }

    /** Says "offline" before a clean stop; a failure is only logged (the will says it anyway). */
    public void sayOffline(MqttTransport mqtt) {
        try {
            mqtt.publish(topic, OFFLINE, OFFLINE.length, 1, true);
        } catch (MqttTransportException e) {
            log.warn("could not publish offline status: " + e.getMessage());
        }
    }

    private static byte[] ascii(String s) {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) s.charAt(i);
        }
        return b;
    }
}
