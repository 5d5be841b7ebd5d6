package dev.smartpot.device.status;

import dev.smartpot.device.board.Board;
import dev.smartpot.device.board.BootReport;
import dev.smartpot.device.board.Clock;
import dev.smartpot.device.link.ConnectTimes;
import dev.smartpot.device.link.SessionStep;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;
import dev.smartpot.device.state.ResetWord;
import dev.smartpot.device.state.RetainedState;
import dev.smartpot.device.text.PayloadBuffer;
import dev.smartpot.protocol.ConnectPhases;
import dev.smartpot.protocol.WireTopics;

/**
 * An always-on pot's record of each connect (the protocol's {@link ConnectPhases}), retained on its own topic beside
 * the status, so the status keeps the tutorial's plain {@code online}/{@code offline} words that mosquitto_sub users,
 * the broker's will and Home Assistant read. The last session step: the session's time is the steps before it, and its
 * publish is the connect's first after the set-up. A failed publish fails the connect, as any session step's.
 */
public final class ConnectRecord implements SessionStep {

    private final String topic;
    private final ConnectTimes times;
    private final Clock clock;
    private final BootReport bootReport;
    private final int boot;
    private final String reset;
    private final ConnectPhases phases = new ConnectPhases();
    private final PayloadBuffer out = new PayloadBuffer(320);

    /**
     * @param statusTopic the pot's status topic; null for a battery pot, whose wake sends its phases with its asleep
     *        status: then this step sends nothing
     * @param times what the link's latest connect took (the link writes it)
     * @param retained this boot's counter and why it began (with the board's word when it knows)
     */
    public ConnectRecord(String statusTopic, ConnectTimes times, Board board, RetainedState retained) {
        this.topic = statusTopic == null ? null : topicFor(statusTopic);
        this.times = times;
        this.clock = board.clock;
        this.bootReport = board.bootReport;
        this.boot = retained.boot();
        this.reset = ResetWord.of(board.bootReport, retained);
    }

    /** Beside the pot's status: {@code to_mothership/{id}/status} gives {@code to_mothership/{id}/connect}. */
    public static String topicFor(String statusTopic) {
        String statusLevel = "/" + WireTopics.STATUS_LEVEL;
        return (statusTopic.endsWith(statusLevel) ? statusTopic.substring(0, statusTopic.length() - statusLevel.length())
                : statusTopic) + "/" + WireTopics.CONNECT_LEVEL;
    }

    public boolean start(MqttTransport mqtt, boolean kept) throws MqttTransportException {
        if (topic == null) {
            return true;
        }
        long now = clock.uptimeMillis();
        phases.clear();
        phases.boot = boot;
        phases.connect = times.connects();
        phases.reset = reset;
        phases.bootMillis = bootReport == null || bootReport.bootMillis() < 0 ? ConnectPhases.UNKNOWN : bootReport.bootMillis();
        phases.wifiMillis = times.joinMillis() < 0 ? ConnectPhases.UNKNOWN : times.joinMillis();
        phases.mqttMillis = times.mqttMillis();
        phases.sessionMillis = now - times.connackAt();
        phases.firstPublishMillis = now - times.startedAt();
        phases.upMillis = now;
        phases.reason = times.reason();
        out.clear();
        phases.json(out);
        mqtt.publish(topic, out.bytes(), out.length(), 1, true);
        return true;
    }

    /** A retained record is not part of the session. */
    public int fingerprint(int hash) {
        return hash;
    }

    public boolean describe(StringBuilder line) {
        return true;
    }

    public void linkDown() {
    }
}
