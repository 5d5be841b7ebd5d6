package dev.smartpot.device.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Numbers as the pot writes them into log lines and payloads: the same text as the JDK's, without its garbage. */
class DecimalTest {

    private static final long[] LONGS = {0, 7, 9, 10, 99, 100, 2123, 1000000007L, -1, -10, -2123,
            Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, 999999999999999999L, 1000000000000000000L};

    @Test
    void longsReadAsTheJdkWritesThem() {
        LogLine line = new LogLine(4);
        PayloadBuffer payload = new PayloadBuffer(4);
        for (long value : LONGS) {
            line.clear().append(value);
            payload.clear();
            payload.append(value);
            assertEquals(Long.toString(value), line.toString());
            assertEquals(Long.toString(value), new String(payload.bytes(), 0, payload.length()));
        }
    }

    @Test
    void tenthsHaveExactlyOneDecimal() {
        int[] tenths = {0, 5, 413, 1000, -5, -413};
        String[] expected = {"0.0", "0.5", "41.3", "100.0", "-0.5", "-41.3"};
        LogLine line = new LogLine(4);
        PayloadBuffer payload = new PayloadBuffer(4);
        for (int i = 0; i < tenths.length; i++) {
            line.clear().appendTenths(tenths[i]);
            payload.clear();
            payload.appendTenths(tenths[i]);
            assertEquals(expected[i], line.toString());
            assertEquals(expected[i], new String(payload.bytes(), 0, payload.length()));
        }
    }
}
