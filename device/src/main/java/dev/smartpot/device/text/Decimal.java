package dev.smartpot.device.text;

/** Numbers as decimal text, written digit by digit into a reusable buffer: no String, no garbage. */
final class Decimal {

    private static final String MIN_LONG_DIGITS = "9223372036854775808";

    private Decimal() {
    }

    static void append(CharSink out, long value) {
        if (value < 0) {
            out.append('-');
            if (value == Long.MIN_VALUE) {
                // Its magnitude does not fit in a long.
                for (int i = 0; i < MIN_LONG_DIGITS.length(); i++) {
                    out.append(MIN_LONG_DIGITS.charAt(i));
                }
                return;
            }
            value = -value;
        }
        long divisor = 1;
        while (value / divisor >= 10) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            out.append((char) ('0' + (int) (value / divisor % 10)));
        }
    }

    /** {@code tenths / 10} with exactly one decimal, e.g. 413 as 41.3 and -5 as -0.5. */
    static void appendTenths(CharSink out, int tenths) {
        if (tenths < 0) {
            out.append('-');
            tenths = -tenths;
        }
        append(out, tenths / 10);
        out.append('.');
        out.append((char) ('0' + tenths % 10));
    }
}
