package dev.smartpot.device.text;

import dev.smartpot.protocol.WireOut;

/**
 * A reusable byte buffer for ASCII payloads, so encoding a reading allocates nothing once warmed up.
 * Grows if needed; callers send {@code bytes()} with {@code length()}.
 */
public final class PayloadBuffer implements CharSink, WireOut {

    private byte[] bytes;
    private int length;

    public PayloadBuffer(int initialCapacity) {
        bytes = new byte[initialCapacity];
    }

    public void clear() {
        length = 0;
    }

    public byte[] bytes() {
        return bytes;
    }

    public int length() {
        return length;
    }

    public PayloadBuffer append(char c) {
        ensure(1);
        bytes[length++] = (byte) c;
        return this;
    }

    /** Appends ASCII text; characters outside ASCII become '?', so callers pass only safe text. */
    public PayloadBuffer append(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            bytes[length++] = c < 128 ? (byte) c : (byte) '?';
        }
        return this;
    }

    public PayloadBuffer append(long value) {
        Decimal.append(this, value);
        return this;
    }

    /** Appends {@code tenths / 10} with exactly one decimal, e.g. 413 as 41.3. */
    public PayloadBuffer appendTenths(int tenths) {
        Decimal.appendTenths(this, tenths);
        return this;
    }

    private void ensure(int extra) {
        if (length + extra > bytes.length) {
            byte[] bigger = new byte[Math.max(bytes.length * 2, length + extra)];
            System.arraycopy(bytes, 0, bigger, 0, length);
            bytes = bigger;
        }
    }

    /** The content as a String (for logs and tests; allocates). */
    public String toString() {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) (bytes[i] & 0xff);
        }
        return new String(chars);
    }
}
