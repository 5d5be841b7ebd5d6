package dev.smartpot.protocol;

/**
 * The fields of a pot's JSON status ({@link StatusWords}): {@code {"state":"asleep","wake_at":1700000100000,
 * "sleep_ms":900000,"wake":{...}}}. {@link #WAKE} holds what the wake (or an always-on pot's connect) took, phase by
 * phase on the pot's clock ({@link WakePhases}).
 */
public final class StatusFields {

    /** {@link StatusWords#ONLINE}, {@link StatusWords#ASLEEP} or {@link StatusWords#OFFLINE}. */
    public static final String STATE = "state";
    /** With {@code asleep}, when the pot knows the time: its wake, ms since 1970 (UTC). */
    public static final String WAKE_AT = "wake_at";
    /** With {@code asleep}: how long it sleeps from when it said so, ms. */
    public static final String SLEEP_MS = "sleep_ms";
    /** The phases of the wake or connect that sent this status: {@link WakePhases}. */
    public static final String WAKE = "wake";

    private StatusFields() {
    }
}
