package dev.smartpot.protocol;

/**
 * A pot's retained status on {@link WireTopics#STATUS_LEVEL}, JSON a person still reads with {@code mosquitto_sub}:
 * {@code {"state":"online",...}} at each connect, {@code {"state":"asleep","wake_at":...,"sleep_ms":...}} before a
 * deep sleep, {@code {"state":"offline"}} on a clean stop (fields: {@link StatusFields}). The broker's last will is
 * the plain word {@code offline}, and the tutorial's plain {@code online} and {@code offline} are read as those states.
 */
public final class StatusWords {

    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";
    /** In deep sleep on purpose, until {@link StatusFields#WAKE_AT}. */
    public static final String ASLEEP = "asleep";
    /** A longer plain-text status is not a status. */
    public static final int MAX_LENGTH = 32;

    private StatusWords() {
    }

    /** Whether a state is one of the contract's three. */
    public static boolean known(String state) {
        return ONLINE.equals(state) || OFFLINE.equals(state) || ASLEEP.equals(state);
    }
}
