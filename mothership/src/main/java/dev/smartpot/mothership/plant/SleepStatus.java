package dev.smartpot.mothership.plant;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import dev.smartpot.protocol.SleepAnnouncement;

/**
 * A deep-sleep pot's retained status, understood: {@code sleeping until 14:15 UTC} (the pot knows the time) or
 * {@code sleeping for 15m} (it does not). The pot publishes it after each burst of queued readings and stays silent
 * until it wakes, so the mothership can tell a pot asleep on purpose from one that went quiet. The words are read by
 * the protocol's {@link SleepAnnouncement}; this places the wake in time.
 */
public final class SleepStatus {

    /** The least time a waking pot gets beyond its announced wake: WiFi join, broker connect, retries. */
    public static final long MIN_GRACE_MS = 120_000;
    /**
     * A wall-clock wake up to this much before the status arrived is the one just passed, not tomorrow's: the pot's
     * clock and the mothership's disagree a little, and a status can arrive late.
     */
    static final long CLOCK_SLACK_MS = 600_000;
    private static final long DAY_MS = 86_400_000;


    private SleepStatus() {
    }

    /**
     * A pot's announced sleep.
     *
     * @param announcedAt when the mothership took the status as news
     * @param wakeAt      when the pot said it wakes
     * @param wallClock   true for "until HH:MM" (the pot's own clock), false for "for 15m" (counted from arrival)
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
     * @param status     the retained status text
     * @param announced  when it arrived (the reference for "for 15m" and for which day "until 14:15" means)
     * @return the sleep, or null when the status is not one of the two forms
     */
    public static Sleep parse(String status, Instant announced) {
        if (status == null || announced == null) {
            return null;
        }
        SleepAnnouncement sleep = SleepAnnouncement.parse(status);
        if (sleep == null) {
            return null;
        }
        if (sleep.wallClock()) {
            LocalTime wake = LocalTime.of(sleep.wakeMinuteOfDay / 60, sleep.wakeMinuteOfDay % 60);
            return new Sleep(announced, wakeNear(announced, wake), true);
        }
        return new Sleep(announced, announced.plus(Duration.ofMillis(sleep.sleepMillis)), false);
    }

    /**
     * The one {@code time} (UTC) in [announced - slack, announced + 24 h - slack): of the day before, the same day
     * and the day after, since the two clocks may put the announcement either side of midnight. Rolling only forward
     * from the announcement's day would read "until 23:59" arriving at 00:02 (the pot's clock a little behind, its
     * wake just passed) as a sleep of almost a day.
     */
    private static Instant wakeNear(Instant announced, LocalTime time) {
        long from = announced.toEpochMilli() - CLOCK_SLACK_MS;
        ZonedDateTime day = announced.atZone(ZoneOffset.UTC).with(time);
        for (int d = -1; d <= 1; d++) {
            Instant candidate = day.plusDays(d).toInstant();
            long t = candidate.toEpochMilli();
            if (t >= from && t < from + DAY_MS) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + time + " within a day of " + announced);
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
