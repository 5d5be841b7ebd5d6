package dev.smartpot.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Members kept as offsets into the text read as the strings and numbers they stand for, escapes and all. */
class JsonMembersTest {

    @Test
    void escapedNamesAreFoundByTheirValueAndCountAsDuplicates() {
        JsonMembers m = JsonMembers.read("{\"\\u0069d\":\"a\",\"s\\\"q\":1,\"\\n\":2}");
        assertNotNull(m);
        assertEquals("a", m.text("id"));
        assertEquals(1L, m.whole("s\"q"));
        assertEquals(2L, m.whole("\n"));
        assertEquals(0, m.kind("\\u0069d"), "a name is its value, not its spelling");
        assertNull(JsonMembers.read("{\"id\":1,\"\\u0069d\":2}"), "the same name spelled twice");
        assertNull(JsonMembers.read("{\"\\u0069d\":1,\"id\":2}"));
        assertNull(JsonMembers.read("{\"\\u0069d\":1,\"i\\u0064\":2}"));
        assertNotNull(JsonMembers.read("{\"id\":1,\"idx\":2,\"i\":3,\"\":4}"), "names that only share a start");
        assertNull(JsonMembers.read("{\"\":1,\"\":2}"));
    }

    @Test
    void stringsAreTheirValuesWithEscapesAndNonAsciiText() {
        JsonMembers m = JsonMembers.read("{\"fault\":\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\uD83C\\uDF31\",\"é\":\"Kräuter 🌱\"}");
        assertNotNull(m);
        assertEquals("a\"b\\c/d\b\f\n\r\té\uD83C\uDF31", m.text("fault"));
        assertEquals("Kräuter 🌱", m.text("é"));
        assertEquals(JsonMembers.STRING, m.kind("é"));
        assertNull(JsonMembers.read("{\"fault\":\"a\tb\"}"), "a raw control character in a string");
        assertNull(JsonMembers.read("{\"fa\nult\":1}"), "and in a name");
        assertNull(JsonMembers.read("{\"fault\":\"\\u00g9\"}"));
        assertNull(JsonMembers.read("{\"fault\":\"\\u00e\"}"));
        assertNull(JsonMembers.read("{\"fault\":\"\\x\"}"));
        assertNull(JsonMembers.read("{\"fault\":\"open}"));
    }

    @Test
    void valuesOfEveryKindReadAsWritten() {
        JsonMembers m = JsonMembers.read(" {\"i\":-0,\"d\":-0.0,\"e\":1E2,\"t\":true,\"f\":false,\"n\":null,"
                + "\"o\":{\"a\":[1,{\"b\":\"}\"}]},\"a\":[],\"big\":9223372036854775808} ");
        assertNotNull(m);
        assertEquals(JsonMembers.INTEGER, m.kind("i"));
        assertEquals(0L, m.whole("i"));
        assertEquals("-0", m.text("i"));
        assertEquals(Double.valueOf(-0.0), m.number("i"));
        assertEquals(JsonMembers.DECIMAL, m.kind("d"));
        assertNull(m.whole("d"));
        assertEquals(Double.valueOf(-0.0), m.number("d"));
        assertEquals(100.0, m.number("e"));
        assertEquals(JsonMembers.DECIMAL, m.kind("e"));
        assertEquals("true", m.text("t"));
        assertEquals(JsonMembers.BOOLEAN, m.kind("f"));
        assertEquals(JsonMembers.NULL, m.kind("n"));
        assertNull(m.number("n"));
        assertEquals(JsonMembers.NESTED, m.kind("o"));
        assertEquals("", m.text("o"));
        assertEquals(JsonMembers.NESTED, m.object("o").kind("a"));
        assertNull(m.object("a"), "an array is not an object");
        assertNull(m.object("t"));
        assertNull(m.whole("big"), "past a long");
        assertEquals(9.223372036854775808E18, m.number("big"));
        assertEquals(0, m.kind("absent"));
        assertNull(m.text("absent"));
        for (String bad : new String[] {"{\"i\":01}", "{\"i\":+1}", "{\"i\":-}", "{\"i\":1.}", "{\"i\":1e}", "{\"i\":tru}"}) {
            assertNull(JsonMembers.read(bad), bad);
        }
    }

    @Test
    void manyMembersAreKeptAndADuplicateFarAwayIsStillFound() {
        StringBuilder json = new StringBuilder("{");
        for (int k = 0; k < 100; k++) {
            json.append('"').append("m").append(k).append("\":").append(k).append(',');
        }
        JsonMembers m = JsonMembers.read(json + "\"last\":\"x\"}");
        assertNotNull(m);
        assertEquals(99L, m.whole("m99"));
        assertEquals(0L, m.whole("m0"));
        assertEquals("x", m.text("last"));
        assertNull(JsonMembers.read(json + "\"m\\u0030\":1}"));
    }
}
