package dev.smartpot.simulator.board;

import dev.smartpot.device.board.FixHints;
import dev.smartpot.protocol.WireTopics;

/** The desktop's tools for the fixes the core names: Mosquitto's clients and {@code scripts/broker}. */
public final class DesktopFixHints implements FixHints {

    public static final DesktopFixHints INSTANCE = new DesktopFixHints();

    private DesktopFixHints() {
    }

    @Override
    public String hint(int problem, String subject) {
        return switch (problem) {
            case RETAINED_COMMAND -> " (mosquitto_pub without -r; clear it with: mosquitto_pub -r -n -t " + subject + ")";
            case PLAIN_PASSWORD -> " (scripts/broker --secure sets one up)";
            case READINGS_NOT_DELIVERED -> " (scripts/broker --secure grants " + WireTopics.fill(WireTopics.READINGS_TEMPLATE,
                    "<client id>") + ": mqtt.topic.publish = " + WireTopics.READINGS_TEMPLATE + ")";
            case CLIENT_ID_TAKEN -> " (two simulated pots: give each its own --seed or --chip-id, e.g. ./scripts/simulate --seed pot-2)";
            default -> null;
        };
    }
}
