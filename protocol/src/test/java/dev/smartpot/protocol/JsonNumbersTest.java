package dev.smartpot.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Numbers read in place give exactly what Long.parseLong and Double.parseDouble gave on the member's text. */
class JsonNumbersTest {

    private static Long whole(String text) {
        return JsonNumbers.whole(" " + text + ",", 1, text.length() + 1);
    }

    private static Double number(String text) {
        return JsonNumbers.number("[" + text + "]", 1, text.length() + 1);
    }

    @Test
    void wholeNumbersHaveALongsRangeExactly() {
        assertEquals(Long.MAX_VALUE, whole("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, whole("-9223372036854775808"));
        assertEquals(Long.MAX_VALUE - 1, whole("9223372036854775806"));
        assertEquals(Long.MIN_VALUE + 1, whole("-9223372036854775807"));
        assertNull(whole("9223372036854775808"));
        assertNull(whole("-9223372036854775809"));
        assertNull(whole("9223372036854775810"));
        assertNull(whole("18446744073709551616"));
        assertNull(whole("-99999999999999999999"));
        assertEquals(0L, whole("0"));
        assertEquals(0L, whole("-0"));
        assertEquals(-7L, whole("-7"));
    }

    @Test
    void wholeNumbersAgreeWithLongParseLong() {
        Random random = new Random(20);
        for (int n = 0; n < 100_000; n++) {
            long v = n % 3 == 0 ? random.nextLong() : random.nextLong() >> random.nextInt(64);
            String text = Long.toString(v);
            assertEquals(Long.valueOf(Long.parseLong(text)), whole(text), text);
        }
    }

    @Test
    void numbersAgreeWithDoubleParseDoubleToTheBit() {
        Random random = new Random(7);
        for (int n = 0; n < 200_000; n++) {
            int digits = 1 + random.nextInt(19);
            StringBuilder text = new StringBuilder(random.nextInt(4) == 0 ? "-" : "");
            boolean zero = random.nextInt(3) == 0;
            text.append(zero ? '0' : (char) ('1' + random.nextInt(9)));
            for (int k = 1; k < digits && !zero; k++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextBoolean()) {
                text.append('.');
                int fraction = 1 + random.nextInt(17);
                for (int k = 0; k < fraction; k++) {
                    text.append((char) ('0' + random.nextInt(10)));
                }
            }
            if (random.nextInt(8) == 0) {
                text.append(random.nextBoolean() ? "e" : "E-").append(random.nextInt(40));
            }
            String t = text.toString();
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(t)), Double.doubleToRawLongBits(number(t)), t);
        }
    }

    @Test
    void edgesOfTheExactPathKeepTheirRoundingAndSign() {
        for (String t : new String[] {
            "-0", "-0.0", "0.0", "0", "48.6", "0.1", "0.3", "999999999999999", "9999999999999999", "99999999999999999",
            "0.000000000000001", "1.00000000000000000001", "123456789012345.6", "9007199254740993", "4.25e1", "-1E-400",
            "1e400", "100.0", "-100.5",
        }) {
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(t)), Double.doubleToRawLongBits(number(t)), t);
        }
    }
}
