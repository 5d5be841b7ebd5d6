package dev.smartpot.protocol;

/**
 * JSON numbers read where they stand in the text, without a substring: a whole number exactly as
 * {@link Long#parseLong} reads it (null past a long's range), any number exactly as {@link Double#parseDouble} does.
 * The text between {@code from} and {@code to} has already passed {@link JsonCursor}'s number grammar.
 */
final class JsonNumbers {

    /** Powers of ten a double holds exactly. */
    private static final double[] TENS = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    };
    /** Fewer digits than this always fit in a long (its range has 19). */
    private static final int SAFE_DIGITS = 19;
    /** At most this many digits make a whole number below 2^53, which a double holds exactly. */
    private static final int EXACT_DIGITS = 15;

    private JsonNumbers() {
    }

    /** A JSON integer ({@code -?(0|[1-9][0-9]*)}) as a long, or null when it is outside a long's range. */
    static Long whole(String s, int from, int to) {
        int i = from;
        boolean negative = s.charAt(i) == '-';
        if (negative) {
            i++;
        }
        // Summed below zero, as Long.parseLong does, so that Long.MIN_VALUE fits.
        long sum = 0;
        if (to - i < SAFE_DIGITS) {
            for (; i < to; i++) {
                sum = sum * 10 - (s.charAt(i) - '0');
            }
            return Long.valueOf(negative ? sum : -sum);
        }
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long lowest = negative ? Long.MIN_VALUE / 10 : -Long.MAX_VALUE / 10;
        for (; i < to; i++) {
            int digit = s.charAt(i) - '0';
            if (sum < lowest) {
                return null;
            }
            sum *= 10;
            if (sum < limit + digit) {
                return null;
            }
            sum -= digit;
        }
        return Long.valueOf(negative ? sum : -sum);
    }

    /** A JSON number as a double, rounded as {@link Double#parseDouble} rounds it. */
    static Double number(String s, int from, int to) {
        double fast = simple(s, from, to);
        return Double.valueOf(fast == fast ? fast : Double.parseDouble(s.substring(from, to)));
    }

    /**
     * A number without exponent and with at most {@link #EXACT_DIGITS} digits, like {@code 48.6} or {@code -3}: its
     * digits as a whole number and the power of ten are both exact doubles, so one division rounds correctly (the
     * result is Double.parseDouble's). NaN for any other number.
     */
    private static double simple(String s, int from, int to) {
        int i = from;
        boolean negative = s.charAt(i) == '-';
        if (negative) {
            i++;
        }
        long digits = 0;
        int count = 0;
        int point = -1;
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                point = i;
            } else if (c >= '0' && c <= '9') {
                digits = digits * 10 + (c - '0');
                count++;
            } else {
                return Double.NaN;
            }
        }
        if (count > EXACT_DIGITS) {
            return Double.NaN;
        }
        double value = point < 0 ? (double) digits : digits / TENS[to - point - 1];
        return negative ? -value : value;
    }
}
