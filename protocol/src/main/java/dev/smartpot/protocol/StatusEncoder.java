package dev.smartpot.protocol;

/** Writes a pot's status ({@link StatusWords}, {@link StatusFields}) into its reusable buffer, allocating nothing. */
public final class StatusEncoder {

    private StatusEncoder() {
    }

    /** {@code {"state":"online","wake":{...}}}; phases null for none. */
    public static void online(WireOut out, WakePhases phases) {
        state(out, StatusWords.ONLINE);
        phases(out, phases);
        out.append('}');
    }

    /**
     * {@code {"state":"asleep","wake_at":...,"sleep_ms":...,"wake":{...}}}.
     *
     * @param wakeWallMillis when it wakes by the wall clock (ms since 1970, UTC), 0 when the pot does not know the time
     * @param phases the wake that ends in this sleep, null for none
     */
    public static void asleep(WireOut out, long wakeWallMillis, long sleepMillis, WakePhases phases) {
        state(out, StatusWords.ASLEEP);
        if (wakeWallMillis > 0) {
            out.append(',');
            ReadingEncoder.name(out, StatusFields.WAKE_AT).append(wakeWallMillis);
        }
        out.append(',');
        ReadingEncoder.name(out, StatusFields.SLEEP_MS).append(sleepMillis);
        phases(out, phases);
        out.append('}');
    }

    /** {@code {"state":"offline"}}, before a clean stop. */
    public static void offline(WireOut out) {
        state(out, StatusWords.OFFLINE);
        out.append('}');
    }

    private static void state(WireOut out, String state) {
        out.append('{');
        ReadingEncoder.name(out, StatusFields.STATE).append('"').append(state).append('"');
    }

    private static void phases(WireOut out, WakePhases phases) {
        if (phases != null) {
            out.append(',');
            ReadingEncoder.name(out, StatusFields.WAKE);
            phases.json(out);
        }
    }
}
