package dev.smartpot.mothership.plant;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import dev.smartpot.protocol.Decoded;
import dev.smartpot.protocol.StatusDecoder;

/**
 * A pot's retained status, understood through the protocol's {@link StatusDecoder}: the state word, and for a
 * deep-sleep pot's {@code {"state":"asleep",...}} when it wakes: its {@code wake_at} (the pot knows the time) or
 * {@code sleep_ms} counted from the status's arrival (it does not). The pot says it after each burst of queued readings
 * and stays silent until it wakes, so the mothership can tell a pot asleep on purpose from one that went quiet.
 */
public final class SleepStatus {

    /** The least time a waking pot gets beyond its announced wake: WiFi join, broker connect, retries. */
    public static final long MIN_GRACE_MS = 120_000;

    private SleepStatus() {
    }

    /**
     * A pot's announced sleep.
     *
     * @param announcedAt when the mothership took the status as news
     * @param wakeAt      when the pot said it wakes
     * @param wallClock   true for a {@code wake_at} by the pot's own clock, false for a length counted from arrival
     */
    public record Sleep(Instant announcedAt, Instant wakeAt, boolean wallClock) {

        /** The time a waking pot gets to be heard: max(2 min, 10 % of the sleep). */
        public long graceMs() {
            long sleep = Math.max(0, wakeAt.toEpochMilli() - announcedAt.toEpochMilli());
            return Math.max(MIN_GRACE_MS, sleep / 10);
        }

        /** Until then the pot's silence is expected. */
        public Instant deadline() {
            return wakeAt.plusMillis(graceMs());
        }
    }

    /**
     * @param status    the retained status as kept (the tutorial's word or the JSON status)
     * @param announced when it arrived (the reference for a sleep given as a length)
     * @return the sleep, or null when the status is not an asleep one
     */
    public static Sleep parse(String status, Instant announced) {
        if (status == null || announced == null) {
            return null;
        }
        Decoded.Status s = StatusDecoder.decode(null, status);
        if (s == null || !s.asleep()) {
            return null;
        }
        if (s.wakeAtMillis != null) {
            return new Sleep(announced, Instant.ofEpochMilli(s.wakeAtMillis), true);
        }
        return new Sleep(announced, announced.plusMillis(s.sleepMillis), false);
    }

    /** The state a kept status says ({@code online}, {@code asleep}, {@code offline}), null when none or unknown. */
    public static String state(String status) {
        Decoded.Status s = status == null ? null : StatusDecoder.decode(null, status);
        return s == null ? null : s.state;
    }

    /** "14:15 UTC". */
    public static String clock(Instant t) {
        ZonedDateTime z = t.atZone(ZoneOffset.UTC);
        return two(z.getHour()) + ":" + two(z.getMinute()) + " UTC";
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }
}
