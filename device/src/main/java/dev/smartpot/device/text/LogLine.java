package dev.smartpot.device.text;

/**
 * A reusable line of text for the log, so a line printed on every reading costs no garbage: the core fills
 * it and hands it to {@link dev.smartpot.device.board.Log}, which prints it before returning (and must not
 * keep it). Grows once to the longest line and is reused.
 */
public final class LogLine implements CharSequence, CharSink {

    private char[] chars;
    private int length;

    public LogLine(int initialCapacity) {
        chars = new char[initialCapacity];
    }

    /** Empties the line for the next message; returns it for chaining. */
    public LogLine clear() {
        length = 0;
        return this;
    }

    public LogLine append(char c) {
        ensure(1);
        chars[length++] = c;
        return this;
    }

    public LogLine append(String s) {
        int n = s.length();
        ensure(n);
        s.getChars(0, n, chars, length);
        length += n;
        return this;
    }

    public LogLine append(long value) {
        Decimal.append(this, value);
        return this;
    }

    /** Appends {@code tenths / 10} with exactly one decimal, e.g. 413 as 41.3. */
    public LogLine appendTenths(int tenths) {
        Decimal.appendTenths(this, tenths);
        return this;
    }

    public int length() {
        return length;
    }

    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index " + index + " outside a line of " + length);
        }
        return chars[index];
    }

    public CharSequence subSequence(int start, int end) {
        return toString().substring(start, end);
    }

    /** The line as a String (allocates: for a log that keeps lines, and for tests). */
    public String toString() {
        return new String(chars, 0, length);
    }

    private void ensure(int extra) {
        if (length + extra > chars.length) {
            char[] bigger = new char[Math.max(chars.length * 2, length + extra)];
            System.arraycopy(chars, 0, bigger, 0, length);
            chars = bigger;
        }
    }
}
