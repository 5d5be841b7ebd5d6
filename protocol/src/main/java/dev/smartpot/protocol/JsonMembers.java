package dev.smartpot.protocol;

import java.util.ArrayList;

/**
 * The top-level members of a JSON object, read strictly (RFC 8259, one value, no duplicate names) without a
 * library and without throwing: {@link #read} answers null for anything that is not one well-formed object. Nested
 * objects and arrays are checked and skipped: the decoder needs only top-level fields.
 */
final class JsonMembers {

    static final int STRING = 1;
    static final int INTEGER = 2;
    static final int DECIMAL = 3;
    static final int BOOLEAN = 4;
    static final int NULL = 5;
    static final int NESTED = 6;
    /** Deeper nesting is refused: a pot's messages are at most two levels deep. */
    private static final int MAX_DEPTH = 16;

    private final ArrayList<String> names = new ArrayList<String>();
    private final ArrayList<Integer> kinds = new ArrayList<Integer>();
    /** The string's value, or a number's or literal's text; "" for nested values. */
    private final ArrayList<String> texts = new ArrayList<String>();

    private String s;
    private int at;
    private boolean array;

    private JsonMembers() {
    }

    /** The members of {@code text}'s one object, or null when it is not well-formed JSON or not an object. */
    static JsonMembers read(String text) {
        JsonMembers m = new JsonMembers();
        m.s = text;
        m.at = 0;
        m.space();
        if (m.at < text.length() && text.charAt(m.at) == '[') {
            m.array = m.value(0) && m.end();
            return m;
        }
        return m.object() && m.end() ? m : null;
    }

    /** Well-formed JSON, but an array rather than an object. */
    boolean isArray() {
        return array;
    }

    /** The kind of member {@code name}, or 0 when absent. */
    int kind(String name) {
        int i = names.indexOf(name);
        return i < 0 ? 0 : kinds.get(i).intValue();
    }

    /** A member's text: a string's value, a number or literal as written, "" for an object or array; null if absent. */
    String text(String name) {
        int i = names.indexOf(name);
        return i < 0 ? null : texts.get(i);
    }

    /** A whole number that fits in a long, else null. */
    Long whole(String name) {
        if (kind(name) != INTEGER) {
            return null;
        }
        try {
            return Long.valueOf(Long.parseLong(text(name)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Any number, else null. */
    Double number(String name) {
        int k = kind(name);
        if (k != INTEGER && k != DECIMAL) {
            return null;
        }
        try {
            return Double.valueOf(Double.parseDouble(text(name)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private boolean end() {
        space();
        return at == s.length();
    }

    private boolean object() {
        at++;
        space();
        if (peek() == '}') {
            at++;
            return true;
        }
        while (true) {
            space();
            if (peek() != '"') {
                return false;
            }
            String name = string();
            if (name == null || names.contains(name)) {
                return false;
            }
            space();
            if (peek() != ':') {
                return false;
            }
            at++;
            space();
            int start = at;
            char first = peek();
            if (!value(1)) {
                return false;
            }
            names.add(name);
            int kind = kindOf(first, s.substring(start, at));
            kinds.add(Integer.valueOf(kind));
            texts.add(kind == STRING ? unquote(start) : kind == NESTED ? "" : s.substring(start, at));
            space();
            char c = peek();
            at++;
            if (c == '}') {
                return true;
            }
            if (c != ',') {
                return false;
            }
        }
    }

    private static int kindOf(char first, String literal) {
        if (first == '"') {
            return STRING;
        }
        if (first == '{' || first == '[') {
            return NESTED;
        }
        if (first == 't' || first == 'f') {
            return BOOLEAN;
        }
        if (first == 'n') {
            return NULL;
        }
        return literal.indexOf('.') < 0 && literal.indexOf('e') < 0 && literal.indexOf('E') < 0 ? INTEGER : DECIMAL;
    }

    private String unquote(int start) {
        int save = at;
        at = start;
        String v = string();
        at = save;
        return v;
    }

    /** Checks and skips one value of any kind. */
    private boolean value(int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        char c = peek();
        if (c == '"') {
            return string() != null;
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
                if (peek() != '"' || string() == null) {
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

    private boolean number() {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
        } else if (!digits()) {
            return false;
        }
        if (peek() == '.') {
            at++;
            if (!digits()) {
                return false;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
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
        while (peek() >= '0' && peek() <= '9') {
            at++;
        }
        return at > start;
    }

    /** Reads a string literal at {@code at}; null when malformed. */
    private String string() {
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

    private void space() {
        while (at < s.length()) {
            char c = s.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private char peek() {
        return at < s.length() ? s.charAt(at) : (char) 0;
    }
}
