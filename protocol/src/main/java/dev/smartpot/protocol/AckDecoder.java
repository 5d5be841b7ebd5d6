package dev.smartpot.protocol;

/**
 * Reads an acknowledgement ({@link AckFields}) from its bytes into its own arrays: one decoder, reused, allocates
 * nothing, so a pot can take one every second. Strict: anything but {@code {"runs":[{"boot":..,"from":..,"to":..},...]}} (members of an
 * entry in any order, whitespace anywhere JSON allows it, each number a whole number with {@code from <= to}) is
 * refused whole, and a pot then lets nothing go.
 */
public final class AckDecoder {

    /** Returned for bytes that are not an acknowledgement. */
    public static final int MALFORMED = -1;
    private static final long MAX = Long.MAX_VALUE / 10 - 10;

    /** The runs of the last acknowledgement read, newest first: their boot, first and last seq. */
    public final long[] boots = new long[AckFields.MAX_RUNS];
    public final long[] from = new long[AckFields.MAX_RUNS];
    public final long[] to = new long[AckFields.MAX_RUNS];

    private byte[] b;
    private int end;
    private int at;

    /**
     * Reads {@code length} bytes of {@code bytes} into {@link #boots}, {@link #from} and {@link #to}.
     *
     * @return the entries read (more than {@link AckFields#MAX_RUNS} is {@link #MALFORMED}), or {@link #MALFORMED}
     */
    public int decode(byte[] bytes, int length) {
        b = bytes;
        end = length;
        at = 0;
        int count = read();
        b = null;
        return count;
    }

    private int read() {
        if (!take('{') || !name(AckFields.RUNS) || !take(':') || !take('[')) {
            return MALFORMED;
        }
        int count = 0;
        if (!peekIs(']')) {
            do {
                if (count == AckFields.MAX_RUNS || !entry(count)) {
                    return MALFORMED;
                }
                count++;
            } while (take(','));
        }
        if (!take(']') || !take('}')) {
            return MALFORMED;
        }
        space();
        return at == end ? count : MALFORMED;
    }

    private boolean entry(int i) {
        if (!take('{')) {
            return false;
        }
        long boot = -1;
        long first = -1;
        long last = -1;
        for (int member = 0; member < 3; member++) {
            if (member > 0 && !take(',')) {
                return false;
            }
            int which = peekName();
            if (which < 0 || !take(':')) {
                return false;
            }
            long v = number();
            if (v < 0) {
                return false;
            }
            if (which == 0 && boot < 0) {
                boot = v;
            } else if (which == 1 && first < 0) {
                first = v;
            } else if (which == 2 && last < 0) {
                last = v;
            } else {
                return false;
            }
        }
        if (!take('}') || first > last) {
            return false;
        }
        boots[i] = boot;
        from[i] = first;
        to[i] = last;
        return true;
    }

    /** 0, 1, 2 for the entry's boot, from, to; -1 for anything else. */
    private int peekName() {
        if (name(AckFields.BOOT)) {
            return 0;
        }
        if (name(AckFields.FROM)) {
            return 1;
        }
        return name(AckFields.TO) ? 2 : -1;
    }

    /** Takes {@code "name"} if it is next. */
    private boolean name(String name) {
        space();
        int n = name.length();
        if (at + n + 2 > end || b[at] != '"' || b[at + n + 1] != '"') {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (b[at + 1 + k] != name.charAt(k)) {
                return false;
            }
        }
        at += n + 2;
        return true;
    }

    /** A whole number without sign or leading zero, or -1. */
    private long number() {
        space();
        int start = at;
        long v = 0;
        while (at < end && b[at] >= '0' && b[at] <= '9') {
            if (v > MAX || at > start && v == 0) {
                return -1;
            }
            v = v * 10 + (b[at++] - '0');
        }
        return at == start ? -1 : v;
    }

    private boolean take(char c) {
        if (peekIs(c)) {
            at++;
            return true;
        }
        return false;
    }

    private boolean peekIs(char c) {
        space();
        return at < end && b[at] == c;
    }

    private void space() {
        while (at < end && (b[at] == ' ' || b[at] == '\t' || b[at] == '\n' || b[at] == '\r')) {
            at++;
        }
    }
}
