package dev.smartpot.protocol;

/**
 * Reads a pot's status ({@link StatusWords}): the JSON status, or the plain words of the tutorial and of the broker's
 * last will. Never throws; {@link #problem} says what is wrong with one that is not a status.
 */
public final class StatusDecoder {

    private static final String EXPECTED = "expected {\"" + StatusFields.STATE + "\":\"" + StatusWords.ONLINE + "\"|\""
            + StatusWords.ASLEEP + "\"|\"" + StatusWords.OFFLINE + "\",...} or the word " + StatusWords.ONLINE + " or "
            + StatusWords.OFFLINE;

    private StatusDecoder() {
    }

    /**
     * The status a retained payload says, or null when it is not one ({@link #problem} says why). An empty payload
     * is a cleared slot: a status whose state is null.
     */
    public static Decoded.Status decode(String potId, String payload) {
        String text = payload == null ? "" : payload.trim();
        if (text.length() == 0) {
            return new Decoded.Status(potId, null, null, null, null, "");
        }
        if (!text.startsWith("{")) {
            String word = text.toLowerCase();
            return StatusWords.ONLINE.equals(word) || StatusWords.OFFLINE.equals(word)
                    ? new Decoded.Status(potId, word, null, null, null, text) : null;
        }
        JsonMembers node = JsonMembers.read(text);
        if (node == null || node.kind(StatusFields.STATE) != JsonMembers.STRING
                || !StatusWords.known(node.text(StatusFields.STATE))) {
            return null;
        }
        String state = node.text(StatusFields.STATE);
        Long wakeAt = positive(node.whole(StatusFields.WAKE_AT));
        Long sleepMs = positive(node.whole(StatusFields.SLEEP_MS));
        if (StatusWords.ASLEEP.equals(state) && sleepMs == null && wakeAt == null) {
            return null;
        }
        JsonMembers wake = node.object(StatusFields.WAKE);
        return new Decoded.Status(potId, state, wakeAt, sleepMs, wake == null ? null : WakePhases.read(wake), text);
    }

    /** Why {@link #decode} answered null for this payload. */
    public static String problem(String payload) {
        String text = payload == null ? "" : payload.trim();
        if (!text.startsWith("{")) {
            return "a status of \"" + PayloadDecoder.cutText(text) + "\"; " + EXPECTED;
        }
        JsonMembers node = JsonMembers.read(text);
        if (node == null) {
            return "a status that is not well-formed JSON; " + EXPECTED;
        }
        if (StatusWords.ASLEEP.equals(node.text(StatusFields.STATE))) {
            return "an asleep status without \"" + StatusFields.WAKE_AT + "\" or \"" + StatusFields.SLEEP_MS
                    + "\" (whole ms >= 0); expected at least the sleep's length";
        }
        return "a status whose \"" + StatusFields.STATE + "\" is not one of the three; " + EXPECTED;
    }

    private static Long positive(Long v) {
        return v == null || v.longValue() < 0 ? null : v;
    }
}
