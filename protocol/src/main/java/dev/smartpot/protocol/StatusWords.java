package dev.smartpot.protocol;

/**
 * A pot's retained availability on its status topic, plain words a person reads with {@code mosquitto_sub}:
 * {@code online} at each connect, {@code offline} on a clean stop and as the broker's last will, and before a deep
 * sleep {@code sleeping until 14:45 UTC} (the pot knows the time) or {@code sleeping for 15m} (it does not).
 */
public final class StatusWords {

    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";
    public static final String SLEEPING = "sleeping ";
    public static final String UNTIL = "until ";
    public static final String FOR = "for ";
    public static final String UTC = " UTC";
    /** A longer status is not a status. */
    public static final int MAX_LENGTH = 32;

    private StatusWords() {
    }

    /**
     * Writes {@code sleeping until HH:MM UTC} for a wall-clock wake (ms since 1970), without allocating.
     */
    public static void appendSleepingUntil(WireOut out, long wakeWallMillis) {
        long minuteOfDay = (wakeWallMillis / 60000) % (24 * 60);
        int hour = (int) (minuteOfDay / 60);
        int minute = (int) (minuteOfDay % 60);
        out.append(SLEEPING).append(UNTIL).append((char) ('0' + hour / 10)).append((char) ('0' + hour % 10)).append(':')
                .append((char) ('0' + minute / 10)).append((char) ('0' + minute % 10)).append(UTC);
    }

    /** Writes the start of {@code sleeping for 15m}; the caller appends the duration (ms, s, m or h). */
    public static WireOut appendSleepingFor(WireOut out) {
        return out.append(SLEEPING).append(FOR);
    }
}
