package dev.smartpot.device.text;

/** Human durations: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}. */
public final class Durations {

    private Durations() {
    }

    /** Milliseconds, or -1 if {@code text} is not a whole number followed by ms, s, m or h. */
    public static long parseMillis(String text) {
        String t = text.trim();
        int digits = 0;
        while (digits < t.length() && t.charAt(digits) >= '0' && t.charAt(digits) <= '9') {
            digits++;
        }
        if (digits == 0 || digits > 12) {
            return -1;
        }
        long number = Long.parseLong(t.substring(0, digits));
        String unit = t.substring(digits).trim();
        if (unit.equals("ms")) {
            return number;
        } else if (unit.equals("s")) {
            return number * 1000L;
        } else if (unit.equals("m") || unit.equals("min")) {
            return number * 60000L;
        } else if (unit.equals("h")) {
            return number * 3600000L;
        }
        return -1;
    }

    /** The shortest exact form: 500ms, 5s, 2m, 1h. */
    public static String format(long millis) {
        if (millis % 3600000L == 0 && millis > 0) {
            return (millis / 3600000L) + "h";
        }
        if (millis % 60000L == 0 && millis > 0) {
            return (millis / 60000L) + "m";
        }
        if (millis % 1000L == 0 && millis > 0) {
            return (millis / 1000L) + "s";
        }
        return millis + "ms";
    }
}
