package dev.smartpot.protocol;

/**
 * The top-level members of a JSON object, read strictly (RFC 8259, one value, no duplicate names) without a
 * library and without throwing: {@link #read} answers null for anything that is not one well-formed object. Nested
 * objects and arrays are checked and skipped ({@link JsonCursor}): the decoder needs only top-level fields.
 *
 * <p>Every message from every pot passes here, so a member is kept as offsets into the text, not as strings: a
 * value becomes a string or number only when asked for, and a name is compared where it stands.
 */
final class JsonMembers {

    static final int STRING = 1;
    static final int INTEGER = 2;
    static final int DECIMAL = 3;
    static final int BOOLEAN = 4;
    static final int NULL = 5;
    static final int NESTED = 6;

    /** Per member: the name's first char after its quote, the name's closing quote, the value's start and end, flags. */
    private static final int SLOTS = 5;
    private static final int KIND_MASK = 0xf;
    private static final int NAME_ESCAPED = 0x10;
    private static final int VALUE_ESCAPED = 0x20;

    private final String s;
    private final JsonCursor c;
    /** Room for a full reading's ten members; more grow it. */
    private int[] members = new int[10 * SLOTS];
    private int count;
    private boolean array;

    private JsonMembers(String text) {
        this.s = text;
        this.c = new JsonCursor(text);
    }

    /** The members of {@code text}'s one object, or null when it is not well-formed JSON or not an object. */
    static JsonMembers read(String text) {
        JsonMembers m = new JsonMembers(text);
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
        int i = find(name);
        return i < 0 ? 0 : members[i + 4] & KIND_MASK;
    }

    /** A member's text: a string's value, a number or literal as written, "" for an object or array; null if absent. */
    String text(String name) {
        int i = find(name);
        if (i < 0) {
            return null;
        }
        int kind = members[i + 4] & KIND_MASK;
        if (kind == NESTED) {
            return "";
        }
        if (kind != STRING) {
            return s.substring(members[i + 2], members[i + 3]);
        }
        return (members[i + 4] & VALUE_ESCAPED) != 0 ? c.stringAt(members[i + 2])
                : s.substring(members[i + 2] + 1, members[i + 3] - 1);
    }

    /** The members of a nested object, or null when the member is absent or not an object. */
    JsonMembers object(String name) {
        int i = find(name);
        if (i < 0 || (members[i + 4] & KIND_MASK) != NESTED || s.charAt(members[i + 2]) != '{') {
            return null;
        }
        return read(s.substring(members[i + 2], members[i + 3]));
    }

    /** A whole number that fits in a long, else null. */
    Long whole(String name) {
        int i = find(name);
        if (i < 0 || (members[i + 4] & KIND_MASK) != INTEGER) {
            return null;
        }
        return JsonNumbers.whole(s, members[i + 2], members[i + 3]);
    }

    /** Any number, else null. */
    Double number(String name) {
        int i = find(name);
        int k = i < 0 ? 0 : members[i + 4] & KIND_MASK;
        if (k != INTEGER && k != DECIMAL) {
            return null;
        }
        return JsonNumbers.number(s, members[i + 2], members[i + 3]);
    }

    /** The offset of member {@code name}'s slots, or -1 when absent. */
    private int find(String name) {
        for (int i = 0; i < count * SLOTS; i += SLOTS) {
            if ((members[i + 4] & NAME_ESCAPED) != 0 ? nameOf(i).equals(name) : nameIs(i, name)) {
                return i;
            }
        }
        return -1;
    }

    private boolean nameIs(int i, String name) {
        int from = members[i];
        int length = members[i + 1] - from;
        if (length != name.length()) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (s.charAt(from + k) != name.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private String nameOf(int i) {
        return c.stringAt(members[i] - 1);
    }

    /** Whether the name at slots {@code i} is already taken by an earlier member, names compared unescaped. */
    private boolean taken(int i) {
        boolean escaped = (members[i + 4] & NAME_ESCAPED) != 0;
        for (int j = 0; j < i; j += SLOTS) {
            if (escaped || (members[j + 4] & NAME_ESCAPED) != 0 ? nameOf(j).equals(nameOf(i)) : sameSpelling(i, j)) {
                return true;
            }
        }
        return false;
    }

    private boolean sameSpelling(int i, int j) {
        int length = members[i + 1] - members[i];
        if (members[j + 1] - members[j] != length) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (s.charAt(members[i] + k) != s.charAt(members[j] + k)) {
                return false;
            }
        }
        return true;
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
            int i = slots();
            members[i] = c.at() + 1;
            if (!c.skipString()) {
                return false;
            }
            members[i + 1] = c.at() - 1;
            members[i + 4] = c.escaped() ? NAME_ESCAPED : 0;
            if (count > 1 && taken(i)) {
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
            members[i + 2] = start;
            members[i + 3] = c.at();
            members[i + 4] |= kindOf(first) | (first == '"' && c.escaped() ? VALUE_ESCAPED : 0);
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

    /** Room for one more member: the offset of its slots. */
    private int slots() {
        if ((count + 1) * SLOTS > members.length) {
            int[] more = new int[members.length * 2];
            System.arraycopy(members, 0, more, 0, members.length);
            members = more;
        }
        return count++ * SLOTS;
    }

    /** The kind of the value just passed, which starts with {@code first}. */
    private int kindOf(char first) {
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
        return c.fraction() ? DECIMAL : INTEGER;
    }
}
