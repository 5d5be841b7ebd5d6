package dev.smartpot.protocol;

/**
 * Reads an always-on pot's connect record ({@link ConnectPhases}, on {@link WireTopics#connect}). Never throws;
 * {@link #problem} says what is wrong with one that is not a record.
 */
public final class ConnectDecoder {

    private ConnectDecoder() {
    }

    /**
     * The record a retained payload holds, or null when it is not one. An empty payload is a cleared slot: a record
     * whose phases are null.
     */
    public static Decoded.Connect decode(String potId, String payload) {
        String text = payload == null ? "" : payload.trim();
        if (text.length() == 0) {
            return new Decoded.Connect(potId, null, "");
        }
        JsonMembers node = JsonMembers.read(text);
        if (node == null || node.isArray()) {
            return null;
        }
        ConnectPhases phases = ConnectPhases.read(node);
        return phases.identified() ? new Decoded.Connect(potId, phases, text) : null;
    }

    /** Why {@link #decode} answered null for this payload. */
    public static String problem(String payload) {
        return "a connect record that is not {\"" + ConnectPhases.BOOT + "\":<whole number>,\"" + ConnectPhases.CONNECT
                + "\":<whole number from 1>,...} (JSON object); the pot's firmware writes it with the protocol's ConnectPhases";
    }
}
