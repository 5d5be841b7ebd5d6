package dev.smartpot.device.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReadingQueueTest {

    @Test
    void givesReadingsBackOldestFirstWithTheirTimes() {
        ReadingQueue q = new ReadingQueue(10);
        q.add(0, 1000, 2000);
        q.add(1, 6000, 2100);
        q.add(2, 11003, 2200);
        assertEquals(0, q.oldestSeq());
        assertEquals(1000, q.oldestUptime());
        assertEquals(2000, q.oldestRawCode());
        q.removeOldest();
        assertEquals(1, q.oldestSeq());
        assertEquals(6000, q.oldestUptime());
        q.removeOldest();
        assertEquals(2, q.oldestSeq());
        assertTrue(Math.abs(q.oldestUptime() - 11003) <= 5, "within 5 ms: " + q.oldestUptime());
        assertEquals(2200, q.oldestRawCode());
    }

    @Test
    void timeRoundingNeverAccumulates() {
        ReadingQueue q = new ReadingQueue(20000);
        long t = 0;
        for (int i = 0; i < 17280; i++) {
            q.add(i, t, i % 4096);
            t += 5003; // an interval that is not a multiple of 10 ms
        }
        long expected = 0;
        for (int i = 0; i < 17280; i++) {
            assertTrue(Math.abs(q.oldestUptime() - expected) <= 5, "reading " + i + ": " + q.oldestUptime() + " vs " + expected);
            assertEquals(i % 4096, q.oldestRawCode());
            q.removeOldest();
            expected += 5003;
        }
    }

    @Test
    void whenFullDropsExactlyTheOldestAndCountsThem() {
        ReadingQueue q = new ReadingQueue(3);
        for (int i = 0; i < 7; i++) {
            q.add(i, i * 1000L, 100 + i);
        }
        assertEquals(3, q.size());
        assertEquals(4, q.dropped());
        assertEquals(4, q.oldestSeq());
        assertEquals(4000, q.oldestUptime());
        assertEquals(104, q.oldestRawCode());
    }

    @Test
    void aReadingTakesSixteenBytesFrozenAsTaken() {
        assertEquals(17280 * 16, new ReadingQueue(17280).footprintBytes());
    }

    @Test
    void refusesAZeroCapacity() {
        assertThrows(IllegalArgumentException.class, () -> new ReadingQueue(0));
    }
}
