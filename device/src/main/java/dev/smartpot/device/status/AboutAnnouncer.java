package dev.smartpot.device.status;

import dev.smartpot.device.board.Log;
import dev.smartpot.device.command.PotControl;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.link.SessionStep;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;
import dev.smartpot.device.text.PayloadBuffer;
import dev.smartpot.protocol.AboutEncoder;
import dev.smartpot.protocol.WireTopics;

/**
 * Tells the mothership what this pot is and what it allows (the protocol's about message: pump, watering limits,
 * interval, power mode, battery), retained beside its status, so the mothership never plans what the pot would refuse.
 * Sent at a session set-up when the broker does not hold it yet (a fresh session) or it changed (a new interval).
 */
public final class AboutAnnouncer implements SessionStep {

    private final String topic;
    private final DeviceConfig config;
    private final boolean pump;
    private final PotControl pot;
    private final String firmware;
    private final Log log;
    private final PayloadBuffer out = new PayloadBuffer(320);
    /** The interval the broker holds in the last about sent, -1 before the first. */
    private long sentInterval = -1;

    public AboutAnnouncer(DeviceConfig config, String statusTopic, boolean pump, PotControl pot, String firmware, Log log) {
        this.topic = topicFor(statusTopic);
        this.config = config;
        this.pump = pump;
        this.pot = pot;
        this.firmware = firmware;
        this.log = log;
    }

    /** Beside the pot's status: {@code to_mothership/{id}/status} gives {@code to_mothership/{id}/about}. */
    public static String topicFor(String statusTopic) {
        String statusLevel = "/" + WireTopics.STATUS_LEVEL;
        return (statusTopic.endsWith(statusLevel) ? statusTopic.substring(0, statusTopic.length() - statusLevel.length())
                : statusTopic) + "/" + WireTopics.ABOUT_LEVEL;
    }

    public boolean start(MqttTransport mqtt, boolean kept) throws MqttTransportException {
        long interval = pot.intervalMillis();
        // A sleeping pot's wake starts afresh in RAM: with its session kept, the broker still holds what it said.
        if (kept && (interval == sentInterval || sentInterval < 0 && config.deepSleep)) {
            return true;
        }
        out.clear();
        AboutEncoder.json(out, firmware, config.boardName, pump, config.safety.waterBudgetHourMl, config.safety.waterBudgetDayMl,
                config.safety.waterCooldownMillis / 1000, config.safety.waterWetAbovePercent, interval, config.deepSleep,
                config.battery.present());
        mqtt.publish(topic, out.bytes(), out.length(), 1, true);
        if (sentInterval < 0) {
            log.info("told the mothership what this pot allows on " + topic);
        }
        sentInterval = interval;
        return true;
    }

    /** A retained message is not part of the session. */
    public int fingerprint(int hash) {
        return hash;
    }

    public boolean describe(StringBuilder line) {
        return true;
    }

    public void linkDown() {
    }
}
