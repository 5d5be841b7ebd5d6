package dev.smartpot.device.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void growsFromFloorToCapWithJitterInside() {
        Backoff b = new Backoff(1000, 60000, new Random(1));
        assertEquals(1000, b.nextDelayMillis(), "first delay is the floor");
        long maxSeen = 0;
        for (int i = 0; i < 200; i++) {
            long d = b.nextDelayMillis();
            assertTrue(d >= 1000 && d <= 60000, "delay " + d);
            maxSeen = Math.max(maxSeen, d);
        }
        assertTrue(maxSeen > 40000, "reaches toward the cap: " + maxSeen);
    }

    @Test
    void resetStartsOverFromTheFloor() {
        Backoff b = new Backoff(500, 10000, new Random(2));
        for (int i = 0; i < 10; i++) {
            b.nextDelayMillis();
        }
        b.reset();
        assertEquals(500, b.nextDelayMillis());
        assertEquals(1, b.failures());
    }

    @Test
    void twoDevicesDoNotRetryInLockStep() {
        Backoff a = new Backoff(1000, 60000, new Random(11));
        Backoff b = new Backoff(1000, 60000, new Random(12));
        a.nextDelayMillis();
        b.nextDelayMillis();
        StringBuilder sa = new StringBuilder();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            sa.append(a.nextDelayMillis()).append(',');
            sb.append(b.nextDelayMillis()).append(',');
        }
        assertNotEquals(sa.toString(), sb.toString());
    }
}
