package dev.smartpot.mothership.broker.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.broker.mqtt.KeepAlive.Due;

/** The keep-alive on a manual clock (milliseconds), interval 30 s. */
class KeepAliveTest {

    private final KeepAlive k = new KeepAlive(30, 0);

    @Test
    void aPingGoesOutOnceNothingWasSentForTheInterval() {
        assertEquals(Due.NOTHING, k.check(29_999));
        k.sent(20_000);
        assertEquals(Due.NOTHING, k.check(49_999));
        assertEquals(Due.PING, k.check(50_000));
        assertEquals(Due.NOTHING, k.check(51_000), "one ping, not one a second");
    }

    @Test
    void anAnsweredPingKeepsTheLinkAlive() {
        assertEquals(Due.PING, k.check(30_000));
        k.heard();
        k.sent(30_000);
        assertEquals(Due.NOTHING, k.check(59_999));
        assertEquals(Due.PING, k.check(60_000));
        k.heard();
        assertEquals(Due.NOTHING, k.check(89_000));
    }

    @Test
    void aPingUnansweredForAnIntervalOfReadingMeansTheBrokerIsGone() {
        assertEquals(Due.PING, k.check(30_000));
        k.sent(30_000);
        assertEquals(Due.NOTHING, k.check(59_999));
        assertEquals(Due.DEAD, k.check(60_000));
    }

    @Test
    void whileTheReaderIsBlockedPingsGoOnAndTheUnreadAnswerIsNotMissed() {
        k.readerBlocked();
        assertEquals(Due.PING, k.check(30_000));
        for (long t = 31_000; t <= 600_000; t += 1_000) {
            Due due = k.check(t);
            assertEquals(t % 30_000 == 0 ? Due.PING : Due.NOTHING, due, "at " + t + " ms");
        }
        k.readerBack(600_500);
        assertEquals(Due.NOTHING, k.check(630_000 - 1), "the reader gets one interval to read the answer");
        k.heard();
        assertEquals(Due.PING, k.check(630_000));
        assertEquals(Due.NOTHING, k.check(659_999));
    }

    @Test
    void aBrokerSilentAfterTheReaderCameBackIsGone() {
        k.readerBlocked();
        k.check(30_000);
        k.readerBack(100_000);
        assertEquals(Due.PING, k.check(129_999), "pings go on while waiting for the answer");
        assertEquals(Due.DEAD, k.check(130_000));
    }
}
