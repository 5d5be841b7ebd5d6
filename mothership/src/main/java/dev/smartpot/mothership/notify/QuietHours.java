package dev.smartpot.mothership.notify;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * Hours in which a target is not disturbed, in the Pi's time zone: {@code 22:00-07:00} spans midnight,
 * {@code 12:00-14:00} does not. Alerts raised inside are held and sent as one digest at the end.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public static QuietHours parse(String text) {
        int dash = text.indexOf('-');
        try {
            if (dash > 0) {
                LocalTime start = LocalTime.parse(text.substring(0, dash).strip());
                LocalTime end = LocalTime.parse(text.substring(dash + 1).strip());
                if (!start.equals(end)) {
                    return new QuietHours(start, end);
                }
            }
        } catch (DateTimeParseException e) {
            // Said below, with the fix.
        }
        throw new IllegalArgumentException("quiet=" + text + " is not a span of hours. Fix: write START-END in 24-hour time,"
                + " e.g. quiet=22:00-07:00 (the Pi's time zone; START and END must differ)");
    }

    public boolean contains(Instant when, ZoneId zone) {
        LocalTime t = when.atZone(zone).toLocalTime();
        return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }

    /** The next end of the quiet hours after {@code when}. */
    public Instant endAfter(Instant when, ZoneId zone) {
        ZonedDateTime now = when.atZone(zone);
        ZonedDateTime end = now.with(this.end);
        if (!end.isAfter(now)) {
            end = now.plusDays(1).with(this.end);
        }
        return end.toInstant();
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
