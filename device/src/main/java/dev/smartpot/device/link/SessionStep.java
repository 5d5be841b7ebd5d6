package dev.smartpot.device.link;

import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;

/**
 * What one component does on every fresh MQTT connection (subscribe, say "online", announce itself), in the
 * order the components were wired. A failure fails the connect, which is retried as a whole.
 */
public interface SessionStep {

    void start(MqttTransport mqtt) throws MqttTransportException;

    /**
     * Adds what this step set up to the "connected to ..." line, e.g. {@code "; subscribed to x"}.
     *
     * @return false to leave this connect unannounced (a known problem is being checked again; its outcome is
     *         what gets logged)
     */
    boolean describe(StringBuilder line);

    /** The link is down (or the step is over): forget per-connection state. */
    void linkDown();
}
