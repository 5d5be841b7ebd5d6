package dev.smartpot.device.status;

import dev.smartpot.device.board.Log;
import dev.smartpot.device.link.SessionStep;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;
import dev.smartpot.device.text.PayloadBuffer;
import dev.smartpot.protocol.StatusEncoder;
import dev.smartpot.protocol.StatusWords;
import dev.smartpot.protocol.WakePhases;

/**
 * The pot's retained status topic ({@link StatusWords}): the tutorial's word {@code online} on each connect,
 * {@code offline} on a clean stop and as the last will the broker publishes when the pot vanishes, and before a deep
 * sleep {@code {"state":"asleep",...}} with the wake's phases.
 */
public final class Availability implements SessionStep {

    /** The tutorial's words: a person reads them with mosquitto_sub, Home Assistant takes them as availability. */
    private static final byte[] ONLINE = ascii(StatusWords.ONLINE);
    private static final byte[] OFFLINE = ascii(StatusWords.OFFLINE);

    private final String topic;
    private final Log log;
    /** A pot in deep sleep says when it sleeps, not "online" at each wake: one round trip fewer per wake. */
    private final boolean sleeper;
    private final PayloadBuffer out = new PayloadBuffer(360);

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
     * Before a deep sleep: {@code {"state":"asleep","wake_at":...,"sleep_ms":...}} (no {@code wake_at} while the board
     * does not know the time) with the wake's phases; retained, so the mothership sees a pot asleep on purpose.
     *
     * @param wakeWallMillis when it wakes by the wall clock, 0 when unknown
     * @param phases what this wake took, or null
     */
    public void saySleeping(MqttTransport mqtt, long wakeWallMillis, long sleepMillis, WakePhases phases) {
        out.clear();
        StatusEncoder.asleep(out, wakeWallMillis, sleepMillis, phases);
        try {
            mqtt.publish(topic, out.bytes(), out.length(), 1, true);
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
