package dev.smartpot.device.status;

import dev.smartpot.device.board.Log;
import dev.smartpot.device.text.Durations;
import dev.smartpot.device.link.SessionStep;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;
import dev.smartpot.device.text.PayloadBuffer;
import dev.smartpot.protocol.StatusWords;

/**
 * The pot's retained status topic: "online" on each connect, "offline" on a clean stop, and "offline" as the
 * last will the broker publishes when the pot vanishes.
 */
public final class Availability implements SessionStep {

    private static final byte[] ONLINE = ascii(StatusWords.ONLINE);
    private static final byte[] OFFLINE = ascii(StatusWords.OFFLINE);

    private final String topic;
    private final Log log;
    /** A pot in deep sleep says when it sleeps, not "online" at each wake: one round trip fewer per wake. */
    private final boolean sleeper;
    private final PayloadBuffer sleeping = new PayloadBuffer(48);

    public Availability(String topic, Log log) {
        this(topic, log, false);
    }

    public Availability(String topic, Log log, boolean deepSleep) {
        this.topic = topic;
        this.log = log;
        this.sleeper = deepSleep;
    }

    /** The will's payload, for the connect settings. */
    public static byte[] willPayload() {
        return ascii(StatusWords.OFFLINE);
    }

    public boolean start(MqttTransport mqtt, boolean kept) throws MqttTransportException {
        if (!sleeper) {
            // Also on a kept session: the will may have said "offline" since.
            mqtt.publish(topic, ONLINE, ONLINE.length, 1, true);
        }
        return true;
    }

    /** A retained status is not part of the session. */
    public int fingerprint(int hash) {
        return hash;
    }

    public boolean describe(StringBuilder line) {
        if (!sleeper) {
            line.append("; status ").append(topic).append(" = ").append(StatusWords.ONLINE);
        }
        return true;
    }

    /**
     * Before a deep sleep: {@code sleeping until 14:45} (UTC, the board's wall clock) or, while the board does not
     * know the time, {@code sleeping for 15m}; retained, so the mothership sees a pot asleep on purpose.
     *
     * @param wakeWallMillis when it wakes by the wall clock, 0 when unknown
     */
    public void saySleeping(MqttTransport mqtt, long wakeWallMillis, long sleepMillis) {
        sleeping.clear();
        if (wakeWallMillis > 0) {
            StatusWords.appendSleepingUntil(sleeping, wakeWallMillis);
        } else {
            // Whole minutes (whole seconds under one): the wake is a few hundred ms earlier than the interval.
            long rounded = sleepMillis >= 60000 ? (sleepMillis + 30000) / 60000 * 60000 : (sleepMillis + 500) / 1000 * 1000;
            StatusWords.appendSleepingFor(sleeping).append(Durations.format(Math.max(1000, rounded)));
        }
        try {
            mqtt.publish(topic, sleeping.bytes(), sleeping.length(), 1, true);
        } catch (MqttTransportException e) {
            log.warn("could not publish the sleeping status: " + e.getMessage());
        }
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
