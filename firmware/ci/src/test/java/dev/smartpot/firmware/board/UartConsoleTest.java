package dev.smartpot.firmware.board;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.board.Sleeper;
import dev.smartpot.device.fakes.ListLog;

/**
 * The serial console's bytes, as the UART hands them over in pieces, become the lines the core takes: CR, LF or
 * both end a line, a complete line wakes the loop, an over-long line and a flood beyond the queue are dropped and said.
 */
class UartConsoleTest {

    private final ListLog log = new ListLog();
    private final UartConsole console = new UartConsole(log);
    private int wakes;

    UartConsoleTest() {
        console.wakes(new Sleeper() {
            public void sleep(long millis) {
            }

            public void wake() {
                wakes++;
            }
        });
    }

    private void type(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        console.accept(bytes, bytes.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void piecesOfALineWaitForItsEndAndEveryLineEndCounts() {
        type("wat");
        assertNull(console.takeLine(), "half a line is not a command");
        assertEquals(0, wakes);
        type("er 50\r\nstatus\ninterval 5m\r");
        assertEquals(1, wakes, "one wake for the lines completed together");
        assertArrayEquals(ascii("water 50"), console.takeLine());
        assertArrayEquals(ascii("status"), console.takeLine());
        assertArrayEquals(ascii("interval 5m"), console.takeLine());
        assertNull(console.takeLine());
    }

    @Test
    void anOverlongLineIsDroppedWholeAndTheNextOneIsKept() {
        StringBuilder longLine = new StringBuilder();
        for (int i = 0; i < UartConsole.MAX_LINE + 10; i++) {
            longLine.append('x');
        }
        type(longLine + "\nread\n");
        assertArrayEquals(ascii("read"), console.takeLine());
        assertNull(console.takeLine());
        assertTrue(log.all().contains("console: a line over 256 bytes was dropped"), log.all());
    }

    @Test
    void aFloodBeyondTheQueueIsDroppedAndSaid() {
        for (int i = 0; i < UartConsole.CAPACITY + 3; i++) {
            type("read\n");
        }
        int taken = 0;
        while (console.takeLine() != null) {
            taken++;
        }
        assertEquals(UartConsole.CAPACITY, taken);
        assertTrue(log.all().contains("console: 16 lines already wait for the pot; this one was dropped"), log.all());
    }
}
