package dev.smartpot.device.link;

import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;

/** The session steps each component added at wiring time, run in that order after every connect. */
public final class SessionSetup {

    private static final int MAX_STEPS = 8;

    private final SessionStep[] steps = new SessionStep[MAX_STEPS];
    private int count;

    public void add(SessionStep step) {
        if (count == MAX_STEPS) {
            throw new IllegalStateException("more than " + MAX_STEPS + " session steps: raise SessionSetup.MAX_STEPS");
        }
        steps[count++] = step;
    }

    void start(MqttTransport mqtt) throws MqttTransportException {
        for (int i = 0; i < count; i++) {
            steps[i].start(mqtt);
        }
    }

    /** The "connected to ..." line, or null when a step asks for the connect to go unannounced. */
    String describe(StringBuilder line) {
        boolean announce = true;
        for (int i = 0; i < count; i++) {
            announce &= steps[i].describe(line);
        }
        return announce ? line.toString() : null;
    }

    void linkDown() {
        for (int i = 0; i < count; i++) {
            steps[i].linkDown();
        }
    }
}
