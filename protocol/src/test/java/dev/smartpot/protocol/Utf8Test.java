package dev.smartpot.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The hand-made decoder refuses exactly what the JDK's strict UTF-8 decoder refuses and reads the rest the same. */
class Utf8Test {

    private static String jdk(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean typed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static void agrees(byte[] b) {
        String expected = jdk(b);
        assertEquals(expected, Utf8.decode(b));
        assertEquals(expected != null && typed(expected) ? expected : null, Utf8.text(b));
    }

    @Test
    void randomBytesAndRandomTextAgreeWithTheJdk() {
        Random random = new Random(8);
        for (int n = 0; n < 100_000; n++) {
            byte[] b = new byte[random.nextInt(12)];
            random.nextBytes(b);
            if (n % 2 == 0) {
                for (int k = 0; k < b.length; k++) {
                    b[k] &= random.nextInt(4) == 0 ? 0xff : 0x7f;
                }
            }
            agrees(b);
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(10); k > 0; k--) {
                int cp = random.nextInt(3) == 0 ? random.nextInt(0x110000) : random.nextInt(0x100);
                if (cp < 0xd800 || cp > 0xdfff) {
                    text.appendCodePoint(cp);
                }
            }
            agrees(text.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void controlsAreRefusedWhereverTheyStandButTabsAndLineEndsAreText() {
        assertEquals("a\tb\r\nç", Utf8.text("a\tb\r\nç".getBytes(StandardCharsets.UTF_8)));
        assertNull(Utf8.text("{\"id\":\"p\u0000\"}".getBytes(StandardCharsets.UTF_8)));
        assertNull(Utf8.text("é\u0001".getBytes(StandardCharsets.UTF_8)), "after the first non-ASCII byte too");
        assertNull(Utf8.text("\u007f".getBytes(StandardCharsets.UTF_8)));
        assertEquals("\u0080\u009f", Utf8.text("\u0080\u009f".getBytes(StandardCharsets.UTF_8)), "C1 stays text, as before");
        assertEquals("p\uD83C\uDF31", Utf8.text("p\uD83C\uDF31".getBytes(StandardCharsets.UTF_8)), "a supplementary char");
        assertNull(Utf8.decode(new byte[] {(byte) 0xc0, (byte) 0x80}), "overlong");
        assertNull(Utf8.decode(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}), "a surrogate");
        assertNull(Utf8.decode(new byte[] {'a', (byte) 0xe2, (byte) 0x82}), "cut short");
    }
}
