package dev.smartpot.device.text;

import java.io.UnsupportedEncodingException;

/** Turning untrusted payload bytes into text that is safe to log. */
public final class Printable {

    private static final String HEX = "0123456789abcdef";

    private Printable() {
    }

    /** UTF-8 text with control characters escaped, cut at {@code max} characters with the byte count noted. */
    public static String printable(byte[] bytes, int max) {
        String s;
        try {
            s = new String(bytes, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            s = "";
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max) + 16);
        for (int i = 0; i < s.length() && sb.length() < max; i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                sb.append("\\x").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
            } else {
                sb.append(c);
            }
        }
        if (sb.length() >= max && s.length() > max) {
            sb.append("... (").append(bytes.length).append(" bytes)");
        }
        return sb.toString();
    }

    /** The payload as ASCII with surrounding white space removed, or null if it has a non-ASCII byte. */
    public static String trimmedAscii(byte[] bytes) {
        int start = 0;
        int end = bytes.length;
        while (start < end && bytes[start] <= ' ' && bytes[start] >= 0) {
            start++;
        }
        while (end > start && bytes[end - 1] <= ' ' && bytes[end - 1] >= 0) {
            end--;
        }
        char[] chars = new char[end - start];
        for (int i = start; i < end; i++) {
            if (bytes[i] < 0) {
                return null;
            }
            chars[i - start] = (char) bytes[i];
        }
        return new String(chars);
    }
}
