package dev.smartpot.protocol;

/** Strict UTF-8 decoding by hand (no charset classes on a board): malformed input is refused, not replaced. */
final class Utf8 {

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
        int i = 0;
        // ASCII, the usual case, is copied as it goes; a char per byte is always enough room.
        char[] out = new char[b.length];
        while (i < b.length) {
            int c = b[i];
            if (c < 0) {
                break;
            }
            if (refuseControls && isControl(c)) {
                return null;
            }
            out[i++] = (char) c;
        }
        return i == b.length ? new String(out) : rest(b, i, out, refuseControls);
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
            // A sequence of 2-4 bytes gives at most 2 chars: out never overflows.
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
