package dev.smartpot.protocol;

import java.util.ArrayList;

/**
 * The top-level members of a JSON object, read strictly (RFC 8259, one value, no duplicate names) without a
 * library and without throwing: {@link #read} answers null for anything that is not one well-formed object. Nested
 * objects and arrays are checked and skipped ({@link JsonCursor}): the decoder needs only top-level fields.
 */
final class JsonMembers {

    static final int STRING = 1;
    static final int INTEGER = 2;
    static final int DECIMAL = 3;
    static final int BOOLEAN = 4;
    static final int NULL = 5;
    static final int NESTED = 6;

    private final ArrayList<String> names = new ArrayList<String>();
    private final ArrayList<Integer> kinds = new ArrayList<Integer>();
    /** The string's value, or a number's or literal's text; "" for nested values. */
    private final ArrayList<String> texts = new ArrayList<String>();
    /** A nested object's or array's text as written, null for other values. */
    private final ArrayList<String> nested = new ArrayList<String>();

    private JsonCursor c;
    private boolean array;

    private JsonMembers() {
    }

    /** The members of {@code text}'s one object, or null when it is not well-formed JSON or not an object. */
    static JsonMembers read(String text) {
        JsonMembers m = new JsonMembers();
        m.c = new JsonCursor(text);
        m.c.space();
        if (m.c.peek() == '[') {
            m.array = m.c.value(0) && m.c.end();
            return m;
        }
        return m.c.peek() == '{' && m.object() && m.c.end() ? m : null;
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

    /** The members of a nested object, or null when the member is absent or not an object. */
    JsonMembers object(String name) {
        int i = names.indexOf(name);
        String t = i < 0 ? null : nested.get(i);
        return t == null || !t.startsWith("{") ? null : read(t);
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

    private boolean object() {
        c.skip();
        c.space();
        if (c.peek() == '}') {
            c.skip();
            return true;
        }
        while (true) {
            c.space();
            if (c.peek() != '"') {
                return false;
            }
            String name = c.string();
            if (name == null || names.contains(name)) {
                return false;
            }
            c.space();
            if (c.peek() != ':') {
                return false;
            }
            c.skip();
            c.space();
            int start = c.at();
            char first = c.peek();
            if (!c.value(1)) {
                return false;
            }
            names.add(name);
            int kind = kindOf(first, c.text(start, c.at()));
            kinds.add(Integer.valueOf(kind));
            texts.add(kind == STRING ? c.stringAt(start) : kind == NESTED ? "" : c.text(start, c.at()));
            nested.add(kind == NESTED ? c.text(start, c.at()) : null);
            c.space();
            char next = c.peek();
            c.skip();
            if (next == '}') {
                return true;
            }
            if (next != ',') {
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
}
