package dev.smartpot.protocol;

import java.io.UnsupportedEncodingException;

/** Strict UTF-8 decoding by hand (no charset classes on a board): malformed input is refused, not replaced. */
final class Utf8 {

    private static final String LATIN_1 = "ISO-8859-1";

    private Utf8() {
    }

    /** The text, or null when the bytes are not well-formed UTF-8 (overlong forms and surrogates included). */
    static String decode(byte[] b) {
        return decode(b, false);
    }

    /**
     * The text, or null when the bytes are not well-formed UTF-8 or hold a control character other than tab, CR and
     * LF (U+0000-U+001F, U+007F): what a person could have typed.
     */
    static String text(byte[] b) {
        return decode(b, true);
    }

    private static String decode(byte[] b, boolean refuseControls) {
        int ascii = 0;
        while (ascii < b.length && b[ascii] >= 0) {
            if (refuseControls && isControl(b[ascii])) {
                return null;
            }
            ascii++;
        }
        String text = ascii == b.length ? latin1(b) : null;
        if (text != null) {
            return text;
        }
        // A char per byte is always enough room: a sequence of 2-4 bytes gives at most 2 chars.
        char[] out = new char[b.length];
        for (int k = 0; k < ascii; k++) {
            out[k] = (char) b[k];
        }
        return rest(b, ascii, out, refuseControls);
    }

    /** ASCII bytes (the usual payload) as text in one copy; null on a platform without the encoding. */
    private static String latin1(byte[] ascii) {
        try {
            return new String(ascii, LATIN_1);
        } catch (UnsupportedEncodingException e) {
            return null;
        }
    }

    private static boolean isControl(int c) {
        return c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f;
    }

    /** Decodes from {@code i} on, where the first non-ASCII byte is; {@code out} holds the ASCII before it. */
    private static String rest(byte[] b, int i, char[] out, boolean refuseControls) {
        int n = i;
        while (i < b.length) {
            int c = b[i] & 0xff;
            int extra;
            int min;
            int cp;
            if (c < 0x80) {
                if (refuseControls && isControl(c)) {
                    return null;
                }
                out[n++] = (char) c;
                i++;
                continue;
            } else if (c >= 0xc2 && c <= 0xdf) {
                extra = 1;
                min = 0x80;
                cp = c & 0x1f;
            } else if (c >= 0xe0 && c <= 0xef) {
                extra = 2;
                min = 0x800;
                cp = c & 0x0f;
            } else if (c >= 0xf0 && c <= 0xf4) {
                extra = 3;
                min = 0x10000;
                cp = c & 0x07;
            } else {
                return null;
            }
            if (i + extra >= b.length) {
                return null;
            }
            for (int k = 1; k <= extra; k++) {
                int next = b[i + k] & 0xff;
                if ((next & 0xc0) != 0x80) {
                    return null;
                }
                cp = (cp << 6) | (next & 0x3f);
            }
            if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
                return null;
            }
            if (cp >= 0x10000) {
                cp -= 0x10000;
                out[n++] = (char) (0xd800 + (cp >> 10));
                out[n++] = (char) (0xdc00 + (cp & 0x3ff));
            } else {
                out[n++] = (char) cp;
            }
            i += extra + 1;
        }
        return new String(out, 0, n);
    }
}
