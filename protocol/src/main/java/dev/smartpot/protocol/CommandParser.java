package dev.smartpot.protocol;

/**
 * The command grammar's parser, for both ends (its words and limits: {@link CommandGrammar}): the pot parses every
 * command with it, the mothership checks what it sends with it. Reads one command from the mothership: plain text a
 * person types with {@code mosquitto_pub}, such as
 * {@code interval 30s} or {@code calibrate dry}. Words are separated by spaces, case does not matter.
 *
 * <p>Works on the payload bytes and keeps its result in fields, so a stream of hostile messages costs
 * no allocation until one is rejected (the error text). Anything that is not a well-formed command
 * gets an {@link #error()} that says what was expected.
 */
public final class CommandParser extends CommandGrammar {

    private static final int MAX_WORDS = 3;

    private final int fullScale;
    private final int[] wordStart = new int[MAX_WORDS];
    private final int[] wordEnd = new int[MAX_WORDS];
    private byte[] text;
    private int words;

    private int command;
    private int target;
    private long value;
    private String error;

    /** @param fullScale the ADC's highest count, the bound for {@code calibrate dry <counts>} */
    public CommandParser(int fullScale) {
        this.fullScale = fullScale;
    }

    /**
     * Parses {@code length} bytes of {@code payload}. Returns true for a command; false with {@link #error()}
     * set for anything else, or with it null for an empty payload (nothing to answer).
     */
    public boolean parse(byte[] payload, int length) {
        command = 0;
        target = 0;
        value = -1;
        error = null;
        text = payload;
        words = 0;
        if (length > MAX_BYTES) {
            return fail("command is " + length + " bytes; expected at most " + MAX_BYTES
                    + " bytes of plain text such as \"status\"");
        }
        for (int i = 0; i < length; i++) {
            int b = payload[i] & 0xff;
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b >= 0x7f) {
                return fail("command is not plain text (byte 0x" + Integer.toHexString(b) + " at " + i
                        + "); expected ASCII words such as \"status\"");
            }
        }
        if (!split(length)) {
            return fail("command has more than " + MAX_WORDS + " words; expected one of: " + USAGE);
        }
        if (words == 0) {
            return false;
        }
        if (is(0, RECEIVED_WORD)) {
            return noArguments(RECEIVED, RECEIVED_WORD);
        } else if (is(0, "read")) {
            return noArguments(READ, "read");
        } else if (is(0, "status")) {
            return noArguments(STATUS, "status");
        } else if (is(0, "reboot")) {
            return noArguments(REBOOT, "reboot");
        } else if (is(0, "help")) {
            return noArguments(HELP, "help");
        } else if (is(0, "interval")) {
            return interval();
        } else if (is(0, "calibrate")) {
            return calibrate();
        } else if (is(0, WATER_WORD)) {
            return water();
        }
        return fail("unknown command \"" + word(0) + "\"; expected one of: " + USAGE);
    }

    /** Parses a command given as text (the mothership's side); false with {@link #error()} as for bytes. */
    public boolean parse(String command) {
        byte[] b = ascii(command);
        return parse(b, b.length);
    }

    private boolean noArguments(int which, String name) {
        if (words > 1) {
            return fail("\"" + name + "\" takes no arguments; expected just \"" + name + "\"");
        }
        command = which;
        return true;
    }

    private boolean interval() {
        String expected = "expected a duration from " + MIN_INTERVAL_MILLIS + "ms to 1h, e.g. \"interval 30s\"";
        if (words != 2) {
            return fail("interval needs one duration; " + expected);
        }
        long millis = durationMillis(1);
        if (millis < 0) {
            return fail("\"" + word(1) + "\" is not a duration; " + expected + " (units ms, s, m, h)");
        }
        if (millis < MIN_INTERVAL_MILLIS || millis > MAX_INTERVAL_MILLIS) {
            return fail("interval " + word(1) + " is out of range; " + expected);
        }
        command = INTERVAL;
        value = millis;
        return true;
    }

    private boolean calibrate() {
        if (words < 2 || !(is(1, "dry") || is(1, "wet"))) {
            return fail("calibrate needs \"dry\" or \"wet\"; expected \"calibrate dry\" with the sensor in dry air or "
                    + "\"calibrate wet\" with it in water, optionally followed by the counts to use");
        }
        target = is(1, "dry") ? DRY : WET;
        if (words == 3) {
            long counts = number(2);
            if (counts < 1 || counts >= fullScale) {
                return fail("\"" + word(2) + "\" is not a count the ADC can read; expected a whole number from 1 to "
                        + (fullScale - 1) + ", or nothing to use what the sensor reads now");
            }
            value = counts;
        }
        command = CALIBRATE;
        return true;
    }

    private boolean water() {
        value = DEFAULT_WATER_ML;
        if (words == 3) {
            return fail("water takes at most one amount; expected e.g. \"water 200\" (millilitres)");
        }
        if (words == 2) {
            long ml = number(1);
            if (ml < 1 || ml > MAX_WATER_ML) {
                return fail("\"" + word(1) + "\" is not an amount of water; expected millilitres from 1 to " + MAX_WATER_ML
                        + ", e.g. \"water 200\"");
            }
            value = ml;
        }
        command = WATER;
        return true;
    }

    private boolean fail(String message) {
        command = 0;
        error = message;
        return false;
    }

    private boolean split(int length) {
        words = 0;
        int i = 0;
        while (i < length) {
            while (i < length && text[i] <= ' ') {
                i++;
            }
            if (i == length) {
                break;
            }
            if (words == MAX_WORDS) {
                return false;
            }
            wordStart[words] = i;
            while (i < length && text[i] > ' ') {
                i++;
            }
            wordEnd[words] = i;
            words++;
        }
        return true;
    }

    /** True if word {@code w} is {@code expected}, ignoring case. */
    private boolean is(int w, String expected) {
        int start = wordStart[w];
        int len = wordEnd[w] - start;
        if (len != expected.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            int c = text[start + i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A whole number of at most 9 digits, or -1. */
    private long number(int w) {
        int start = wordStart[w];
        int end = wordEnd[w];
        return digits(start, end) == end ? parseDigits(start, end) : -1;
    }

    /** Milliseconds for digits followed by ms, s, m, min or h; -1 if it is not that. */
    private long durationMillis(int w) {
        int start = wordStart[w];
        int end = wordEnd[w];
        int unitAt = digits(start, end);
        if (unitAt == start || unitAt - start > 9) {
            return -1;
        }
        long n = parseDigits(start, unitAt);
        int unitLength = end - unitAt;
        if (unitLength == 2 && lower(unitAt) == 'm' && lower(unitAt + 1) == 's') {
            return n;
        } else if (unitLength == 1 && lower(unitAt) == 's') {
            return n * 1000L;
        } else if ((unitLength == 1 && lower(unitAt) == 'm')
                || (unitLength == 3 && lower(unitAt) == 'm' && lower(unitAt + 1) == 'i' && lower(unitAt + 2) == 'n')) {
            return n * 60000L;
        } else if (unitLength == 1 && lower(unitAt) == 'h') {
            return n * 3600000L;
        }
        return -1;
    }

    private int digits(int start, int end) {
        int i = start;
        while (i < end && text[i] >= '0' && text[i] <= '9') {
            i++;
        }
        return i - start > 9 ? start : i;
    }

    private long parseDigits(int start, int end) {
        long n = 0;
        for (int i = start; i < end; i++) {
            n = n * 10 + (text[i] - '0');
        }
        return n;
    }

    private int lower(int at) {
        int c = text[at];
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }

    private String word(int w) {
        int start = wordStart[w];
        int end = Math.min(wordEnd[w], start + 32);
        char[] chars = new char[end - start];
        for (int i = start; i < end; i++) {
            chars[i - start] = (char) text[i];
        }
        return end < wordEnd[w] ? new String(chars) + "..." : new String(chars);
    }

    /** The command parsed last, one of the constants, or 0. */
    public int command() {
        return command;
    }

    /** {@link #DRY} or {@link #WET} for calibrate. */
    public int target() {
        return target;
    }

    /** True when the last payload's first word is {@code word} (any case), whether or not the rest was well formed. */
    public boolean firstWordIs(String word) {
        return words > 0 && is(0, word);
    }

    /** For water: true when the command named the amount, false when {@link #DEFAULT_WATER_ML} stands in. */
    public boolean hasAmount() {
        return command == WATER && words == 2;
    }

    /** The interval in ms, the counts for calibrate (-1 = read the sensor), or the millilitres for water. */
    public long value() {
        return value;
    }

    /** What was wrong with the last payload and what was expected; null after a command or an empty payload. */
    public String error() {
        return error;
    }
}
