package dev.smartpot.protocol;

/**
 * A {@code sleeping ...} status, read: either a wall-clock wake (minute of the day, UTC) or a sleep length. Read in any
 * case and without regular expressions; {@link #parse} answers null for anything else.
 */
public final class SleepAnnouncement {

    /** Minute of the UTC day the pot wakes, or -1 for a sleep given as a length. */
    public final int wakeMinuteOfDay;
    /** The sleep's length in ms, or -1 for a wall-clock wake. */
    public final long sleepMillis;

    private SleepAnnouncement(int wakeMinuteOfDay, long sleepMillis) {
        this.wakeMinuteOfDay = wakeMinuteOfDay;
        this.sleepMillis = sleepMillis;
    }

    /** True for {@code sleeping until HH:MM}, false for {@code sleeping for 15m}. */
    public boolean wallClock() {
        return wakeMinuteOfDay >= 0;
    }

    public static SleepAnnouncement parse(String status) {
        if (status == null) {
            return null;
        }
        String s = status.trim().toLowerCase();
        String until = StatusWords.SLEEPING + StatusWords.UNTIL;
        String forLength = StatusWords.SLEEPING + StatusWords.FOR;
        if (s.startsWith(until)) {
            return until(s.substring(until.length()));
        }
        if (s.startsWith(forLength)) {
            return length(s.substring(forLength.length()));
        }
        return null;
    }

    /** {@code H:MM} or {@code HH:MM}, then optionally " utc". */
    private static SleepAnnouncement until(String s) {
        String t = s.endsWith(StatusWords.UTC.toLowerCase()) ? s.substring(0, s.length() - StatusWords.UTC.length()) : s;
        int colon = t.indexOf(':');
        if (colon < 1 || colon > 2 || t.length() != colon + 3) {
            return null;
        }
        int hour = digits(t, 0, colon);
        int minute = digits(t, colon + 1, t.length());
        if (hour < 0 || minute < 0 || hour > 23 || minute > 59) {
            return null;
        }
        return new SleepAnnouncement(hour * 60 + minute, -1);
    }

    /** Up to 9 digits, then ms, s, m, min or h. */
    private static SleepAnnouncement length(String s) {
        int unit = 0;
        while (unit < s.length() && s.charAt(unit) >= '0' && s.charAt(unit) <= '9') {
            unit++;
        }
        if (unit == 0 || unit > 9) {
            return null;
        }
        long n = digits(s, 0, unit);
        String u = s.substring(unit);
        long factor;
        if (u.equals("ms")) {
            factor = 1;
        } else if (u.equals("s")) {
            factor = 1000;
        } else if (u.equals("m") || u.equals("min")) {
            factor = 60000;
        } else if (u.equals("h")) {
            factor = 3600000;
        } else {
            return null;
        }
        return new SleepAnnouncement(-1, n * factor);
    }

    private static int digits(String s, int from, int to) {
        if (from >= to || to - from > 9) {
            return -1;
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
