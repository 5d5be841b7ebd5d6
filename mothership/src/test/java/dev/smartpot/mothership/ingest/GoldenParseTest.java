package dev.smartpot.mothership.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.plant.SleepStatus;
import dev.smartpot.protocol.GoldenMessages;
import dev.smartpot.protocol.GoldenMessages.Golden;

/**
 * The mothership's side of the contract: the golden messages the core's tests prove the pot writes become exactly
 * these readings, statuses and replies here. A change to how the Pi reads the wire fails here.
 */
class GoldenParseTest {

    private final PayloadParser parser = new PayloadParser();

    private <T extends Inbound> T parse(Golden g, Class<T> kind) {
        return assertInstanceOf(kind, parser.parse(g.topic(), GoldenMessages.bytes(g)), g.name());
    }

    @Test
    void aReadingArrivesFieldForField() {
        assertEquals(new Inbound.Reading(GoldenMessages.POT, 3L, 7, 2210, 55.0, null, 35000L, 1_700_000_000_000L, 2, null,
                null), parse(GoldenMessages.READING, Inbound.Reading.class));
        assertEquals(new Inbound.Reading(GoldenMessages.POT, 3L, 8, 2210, 55.0, null, 40000L, 1_700_000_005_000L, 1, null,
                2882), parse(GoldenMessages.READING_FULL, Inbound.Reading.class));
        assertEquals(new Inbound.Reading(GoldenMessages.POT, 3L, 9, 4095, null, "shorted", 45000L, null, 0, null, null),
                parse(GoldenMessages.READING_FAULT, Inbound.Reading.class));
    }

    @Test
    void theTutorialsTextIsKeptAsAMessage() {
        assertEquals(new Inbound.Message("to_mothership", "Test to mothership #7", false, null),
                parse(GoldenMessages.READING_TEXT, Inbound.Message.class));
    }

    @Test
    void statusesAndSleepsAreUnderstood() {
        assertEquals(new Inbound.Status(GoldenMessages.POT, "online"), parse(GoldenMessages.ONLINE_WORD, Inbound.Status.class));
        assertEquals(new Inbound.Status(GoldenMessages.POT, "offline"), parse(GoldenMessages.OFFLINE, Inbound.Status.class));
        assertEquals("offline", SleepStatus.state(parse(GoldenMessages.OFFLINE_CLEAN, Inbound.Status.class).status()));
        Inbound.Status online = parse(GoldenMessages.ONLINE, Inbound.Status.class);
        assertEquals("online", SleepStatus.state(online.status()));
        assertEquals(1710, online.wake().wifiMillis);
        Instant at = Instant.parse("2023-11-14T22:00:00Z");
        Inbound.Status asleep = parse(GoldenMessages.ASLEEP_UNTIL, Inbound.Status.class);
        assertEquals(GoldenMessages.ASLEEP_UNTIL.payload(), asleep.status(), "kept as sent, read again after a restart");
        assertEquals("asleep", SleepStatus.state(asleep.status()));
        SleepStatus.Sleep until = SleepStatus.parse(asleep.status(), at);
        assertEquals(Instant.parse("2023-11-14T22:15:00Z"), until.wakeAt());
        assertTrue(until.wallClock());
        assertEquals(641, asleep.wake().awakeMillis);
        assertEquals(11, asleep.wake().seq);
        SleepStatus.Sleep length = SleepStatus.parse(parse(GoldenMessages.ASLEEP_FOR, Inbound.Status.class).status(), at);
        assertEquals(at.plusSeconds(900), length.wakeAt());
        assertFalse(length.wallClock());
    }

    @Test
    void theAboutArrivesWithThePotsLimits() {
        assertEquals(new Inbound.About(GoldenMessages.POT, "0.1.0", "esp-wrover-kit", true, 300L, 1000L, 600L, 5000L, "always-on", false),
                parse(GoldenMessages.ABOUT, Inbound.About.class));
    }

    @Test
    void repliesArriveWithTheirCommandErrorAndRetryTime() {
        assertEquals(new Inbound.Reply(GoldenMessages.POT, GoldenMessages.REPLY_RECEIVED.payload(), true, "received", null),
                parse(GoldenMessages.REPLY_RECEIVED, Inbound.Reply.class));
        assertEquals(new Inbound.Reply(GoldenMessages.POT, GoldenMessages.REPLY_WATERED.payload(), true, "water 150", null),
                parse(GoldenMessages.REPLY_WATERED, Inbound.Reply.class));
        Inbound.Reply refused = parse(GoldenMessages.REPLY_REFUSED, Inbound.Reply.class);
        assertFalse(refused.ok());
        assertEquals(599L, refused.nextAllowedInS());
        assertEquals("watering refused: the pot watered 1 s ago; expected at least 10m between waterings (water.cooldown)",
                refused.error());
        Inbound.Reply error = parse(GoldenMessages.REPLY_ERROR, Inbound.Reply.class);
        assertNull(error.nextAllowedInS());
        assertEquals("water 2001", error.command());
    }
}
