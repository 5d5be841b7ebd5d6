package dev.smartpot.mothership.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.smartpot.mothership.api.WakeView;
import dev.smartpot.protocol.GoldenMessages;
import dev.smartpot.protocol.WireTopics;

/**
 * A battery pot's wakes on a real SQLite file: one row a wake with its phases, a redelivered status adds none, a
 * status without a wake or without the wake's boot and seq none.
 */
class WakeLogTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final String POT = GoldenMessages.POT;

    @RegisterExtension
    final StoreOnFile store = new StoreOnFile("wake-log-test", NOW);

    @Test
    void eachWakeIsStoredOnceWithItsPhases() {
        String topic = WireTopics.status(POT);
        store.receive(topic, GoldenMessages.ONLINE.payload(), NOW.toEpochMilli() - 60_000);
        store.receive(topic, GoldenMessages.ASLEEP_UNTIL.payload(), NOW.toEpochMilli() - 1000);
        // The broker hands the retained status over again at the mothership's next connect.
        store.receive(topic, GoldenMessages.ASLEEP_UNTIL.payload(), NOW.toEpochMilli());
        store.receive(topic, GoldenMessages.ASLEEP_FOR.payload(), NOW.toEpochMilli());
        store.receive(topic, "{\"state\":\"asleep\",\"sleep_ms\":900000,\"wake\":{\"boot\":3,\"read_ms\":2}}", NOW.toEpochMilli());
        store.awaitStored();

        List<WakeView> wakes = WakeLog.between(store.db(), POT, NOW.minus(Duration.ofHours(1)), NOW.plusSeconds(1), 100);
        assertEquals(2, wakes.size(), wakes.toString());
        WakeView online = wakes.get(0);
        assertEquals(0, online.seq());
        assertNull(online.readMs(), "not reported: null, not -1");
        assertEquals(3L, online.roundTrips());
        WakeView asleep = wakes.get(1);
        assertEquals(3, asleep.boot());
        assertEquals(11, asleep.seq());
        assertEquals(NOW, asleep.receivedAt(), "stamped by the writer's clock");
        assertEquals("deep-sleep", asleep.reset());
        assertEquals(300L, asleep.bootMs());
        assertTrue(asleep.bootModelled());
        assertEquals(2L, asleep.readMs());
        assertEquals(270L, asleep.wifiMs());
        assertNull(asleep.addressMs());
        assertEquals(9L, asleep.mqttMs());
        assertEquals(5L, asleep.publishMs());
        assertEquals(4L, asleep.readings());
        assertEquals(53L, asleep.listenMs());
        assertEquals(641L, asleep.awakeMs());
        assertEquals(6L, asleep.roundTrips());
        assertEquals(List.of(asleep), WakeLog.between(store.db(), POT, NOW.minus(Duration.ofHours(1)), NOW.plusSeconds(1), 1),
                "the limit keeps the newest");
    }
}
