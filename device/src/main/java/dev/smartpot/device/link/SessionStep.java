package dev.smartpot.device.link;

import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;

/**
 * What one component does on every fresh MQTT connection (subscribe, say "online", announce itself), in the
 * order the components were wired. A failure fails the connect, which is retried as a whole.
 */
public interface SessionStep {

    /**
     * @param kept the broker resumed the persistent session this pot set up and confirmed before, with the
     *        subscriptions {@link #fingerprint} describes: send nothing that session already holds
     * @return true once what this step keeps in the session is in place; false while it is not (a refused
     *         subscription) or not yet (a step that finishes later calls {@link SessionSetup#confirmed()})
     */
    boolean start(MqttTransport mqtt, boolean kept) throws MqttTransportException;

    /**
     * Folds what this step leaves in a persistent session (its subscriptions, what it announced) into {@code hash},
     * with {@link SessionSetup#hash}: when it changes, the session is set up again although the broker kept it.
     */
    int fingerprint(int hash);

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
