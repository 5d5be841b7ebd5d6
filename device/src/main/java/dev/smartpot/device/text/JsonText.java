package dev.smartpot.device.text;

/** JSON string literals written straight into a {@link PayloadBuffer}, escaped, without building a String. */
public final class JsonText {

    private static final char[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

    private JsonText() {
    }

    /** Appends {@code "text"}: quotes, backslashes and control characters escaped, non-ASCII as {@code \\uXXXX}. */
    public static PayloadBuffer appendString(PayloadBuffer out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            appendEscaped(out, text.charAt(i));
        }
        return out.append('"');
    }

    /**
     * Appends untrusted bytes {@code from} to {@code to} as a JSON string of at most {@code max} characters (then "..."): printable
     * ASCII as it is, anything else as '?', so a reply can echo what it was sent without carrying it.
     */
    public static PayloadBuffer appendEcho(PayloadBuffer out, byte[] bytes, int from, int to, int max) {
        out.append('"');
        int shown = Math.min(to, from + max);
        for (int i = from; i < shown; i++) {
            int b = bytes[i] & 0xff;
            appendEscaped(out, b >= 0x20 && b < 0x7f ? (char) b : '?');
        }
        if (to > shown) {
            out.append("...");
        }
        return out.append('"');
    }

    private static void appendEscaped(PayloadBuffer out, char c) {
        if (c == '"' || c == '\\') {
            out.append('\\').append(c);
        } else if (c >= 0x20 && c < 0x7f) {
            out.append(c);
        } else {
            out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                    .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
        }
    }
}
