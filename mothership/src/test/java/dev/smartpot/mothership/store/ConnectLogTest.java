package dev.smartpot.mothership.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.smartpot.mothership.api.ConnectView;
import dev.smartpot.protocol.GoldenMessages;
import dev.smartpot.protocol.WireTopics;

/** An always-on pot's connect records on a real SQLite file: one row a connect, a redelivery adds none, a cleared slot none. */
class ConnectLogTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final String POT = GoldenMessages.POT;

    @RegisterExtension
    final StoreOnFile store = new StoreOnFile("connect-log-test", NOW);

    @Test
    void eachConnectIsStoredOnceWithItsPhases() {
        String topic = WireTopics.connect(POT);
        store.receive(topic, GoldenMessages.CONNECT_FIRST.payload().replace("\"boot\":1", "\"boot\":3"), NOW.toEpochMilli() - 60_000);
        store.receive(topic, GoldenMessages.CONNECT.payload(), NOW.toEpochMilli() - 1000);
        // The broker hands the retained record over again at the mothership's next connect, and a pot may clear it.
        store.receive(topic, GoldenMessages.CONNECT.payload(), NOW.toEpochMilli());
        store.receive(topic, "", NOW.toEpochMilli());
        store.awaitStored();

        List<ConnectView> connects = ConnectLog.between(store.db(), POT, NOW.minus(Duration.ofHours(1)), NOW.plusSeconds(1), 100);
        assertEquals(2, connects.size(), connects.toString());
        ConnectView first = connects.get(0);
        assertEquals(1, first.connect());
        assertNull(first.wifiMs(), "WiFi was up: no join");
        assertNull(first.reason());
        ConnectView second = connects.get(1);
        assertEquals(3, second.boot());
        assertEquals(2, second.connect());
        assertEquals("power-on", second.reset());
        assertEquals(412L, second.bootMs());
        assertEquals(1710L, second.wifiMs());
        assertEquals(1000L, second.addressMs());
        assertEquals(35L, second.mqttMs());
        assertEquals(8L, second.sessionMs());
        assertEquals(1753L, second.firstPublishMs());
        assertEquals(3_600_000L, second.upMs());
        assertEquals("connection lost: \"broker gone\"", second.reason());
        assertEquals(1, ConnectLog.between(store.db(), POT, NOW.minus(Duration.ofHours(1)), NOW.plusSeconds(1), 1).size(),
                "the limit keeps the newest");
    }
}
