package dev.smartpot.protocol;

/**
 * Walks JSON text by RFC 8259's grammar, strictly, without building values: whitespace, strings (unescaped on
 * request), numbers, literals, and whole nested objects and arrays, skipped but checked. Nesting is bounded.
 */
final class JsonCursor {

    /** Deeper nesting is refused: a pot's messages are at most two levels deep. */
    private static final int MAX_DEPTH = 16;

    private final String s;
    private int at;
    /** Whether the last string {@link #skipString} passed held an escape. */
    private boolean escaped;
    /** Whether the last number passed had a fraction or an exponent. */
    private boolean fraction;

    JsonCursor(String text) {
        this.s = text;
    }

    int at() {
        return at;
    }

    void skip() {
        at++;
    }

    String text(int from, int to) {
        return s.substring(from, to);
    }

    /** True when only whitespace is left. */
    boolean end() {
        space();
        return at == s.length();
    }

    /** The string literal starting at {@code from}, unescaped; the cursor does not move. */
    String stringAt(int from) {
        int save = at;
        at = from;
        String v = string();
        at = save;
        return v;
    }

    /** Checks and skips one value of any kind. */
    boolean value(int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        char c = peek();
        if (c == '"') {
            return skipString();
        }
        if (c == '{') {
            return nested(depth, '}', true);
        }
        if (c == '[') {
            return nested(depth, ']', false);
        }
        if (c == 't') {
            return literal("true");
        }
        if (c == 'f') {
            return literal("false");
        }
        if (c == 'n') {
            return literal("null");
        }
        return number();
    }

    private boolean nested(int depth, char close, boolean named) {
        at++;
        space();
        if (peek() == close) {
            at++;
            return true;
        }
        while (true) {
            space();
            if (named) {
                if (peek() != '"' || !skipString()) {
                    return false;
                }
                space();
                if (peek() != ':') {
                    return false;
                }
                at++;
                space();
            }
            if (!value(depth + 1)) {
                return false;
            }
            space();
            char c = peek();
            at++;
            if (c == close) {
                return true;
            }
            if (c != ',') {
                return false;
            }
        }
    }

    private boolean literal(String word) {
        if (s.startsWith(word, at)) {
            at += word.length();
            return true;
        }
        return false;
    }

    /** Whether the last number passed had a fraction or an exponent: not a whole number as written. */
    boolean fraction() {
        return fraction;
    }

    private boolean number() {
        int start = at;
        fraction = false;
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
        } else if (!digits()) {
            return false;
        }
        if (peek() == '.') {
            fraction = true;
            at++;
            if (!digits()) {
                return false;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            fraction = true;
            at++;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            if (!digits()) {
                return false;
            }
        }
        return at > start;
    }

    private boolean digits() {
        int start = at;
        int n = s.length();
        while (at < n) {
            char d = s.charAt(at);
            if (d < '0' || d > '9') {
                break;
            }
            at++;
        }
        return at > start;
    }

    /** Whether the last string {@link #skipString} passed held an escape: its value differs from its text. */
    boolean escaped() {
        return escaped;
    }

    /** Checks and skips the string literal at {@code at}, building nothing; false when malformed as {@link #string}. */
    boolean skipString() {
        escaped = false;
        at++;
        int n = s.length();
        while (at < n) {
            char c = s.charAt(at++);
            if (c == '"') {
                return true;
            }
            if (c < 0x20) {
                return false;
            }
            if (c == '\\') {
                escaped = true;
                if (at >= n) {
                    return false;
                }
                char e = s.charAt(at++);
                if (e == 'u' && at + 4 <= n) {
                    for (int k = 0; k < 4; k++) {
                        if (Character.digit(s.charAt(at++), 16) < 0) {
                            return false;
                        }
                    }
                } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                    return false;
                }
            }
        }
        return false;
    }

    /** Reads a string literal at {@code at}; null when malformed. */
    String string() {
        StringBuilder out = new StringBuilder();
        at++;
        while (at < s.length()) {
            char c = s.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                return null;
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (at >= s.length()) {
                return null;
            }
            char e = s.charAt(at++);
            int simple = "\"\\/bfnrt".indexOf(e);
            if (simple >= 0) {
                out.append("\"\\/\b\f\n\r\t".charAt(simple));
            } else if (e == 'u' && at + 4 <= s.length()) {
                int v = 0;
                for (int k = 0; k < 4; k++) {
                    int d = Character.digit(s.charAt(at++), 16);
                    if (d < 0) {
                        return null;
                    }
                    v = v * 16 + d;
                }
                out.append((char) v);
            } else {
                return null;
            }
        }
        return null;
    }

    void space() {
        while (at < s.length()) {
            char c = s.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    char peek() {
        return at < s.length() ? s.charAt(at) : (char) 0;
    }
}
