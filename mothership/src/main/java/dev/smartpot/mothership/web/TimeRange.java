package dev.smartpot.mothership.web;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A {@code from}/{@code to} pair from a query string. Each accepts ISO-8601 ({@code 2026-11-30T09:00:00Z})
 * or epoch milliseconds, what a shell script and a browser each find easiest. Missing {@code to} is now,
 * missing {@code from} is {@code defaultSpan} before {@code to}.
 */
public record TimeRange(Instant from, Instant to) {

    public static TimeRange parse(String fromText, String toText, Instant now, Duration defaultSpan) {
        Instant to = blank(toText) ? now : instant("to", toText);
        Instant from = blank(fromText) ? to.minus(defaultSpan) : instant("from", fromText);
        if (!from.isBefore(to)) {
            throw new BadRequest("from (" + from + ") is not before to (" + to + ")",
                    "pass a from earlier than to, e.g. from=" + to.minus(defaultSpan) + "&to=" + to);
        }
        return new TimeRange(from, to);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Instant instant(String name, String text) {
        String t = text.trim();
        if (t.chars().allMatch(Character::isDigit) && t.length() <= 15) {
            return Instant.ofEpochMilli(Long.parseLong(t));
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + "=\"" + text + "\" is not a time",
                    "write ISO-8601 with a zone, e.g. " + name + "=2026-11-30T09:00:00Z, or epoch milliseconds, e.g. "
                            + name + "=" + Instant.now().toEpochMilli());
        }
    }
}
