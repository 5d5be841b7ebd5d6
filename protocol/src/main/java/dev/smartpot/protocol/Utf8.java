package dev.smartpot.protocol;

/** Strict UTF-8 decoding by hand (no charset classes on a board): malformed input is refused, not replaced. */
final class Utf8 {

    private Utf8() {
    }

    /** The text, or null when the bytes are not well-formed UTF-8 (overlong forms and surrogates included). */
    static String decode(byte[] b) {
        StringBuilder out = new StringBuilder(b.length);
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xff;
            int extra;
            int min;
            int cp;
            if (c < 0x80) {
                out.append((char) c);
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
                out.append((char) (0xd800 + (cp >> 10))).append((char) (0xdc00 + (cp & 0x3ff)));
            } else {
                out.append((char) cp);
            }
            i += extra + 1;
        }
        return out.toString();
    }
}
