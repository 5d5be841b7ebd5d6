package dev.smartpot.protocol;

import static dev.smartpot.protocol.GoldenMessages.POT;
import static dev.smartpot.protocol.GoldenMessages.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The decoder reads every golden message field for field; the encoder writes the readings byte for byte. */
class GoldenDecodeTest {

    private final PayloadDecoder decoder = new PayloadDecoder();

    private <T extends Decoded> T decode(GoldenMessages.Golden g, Class<T> kind) {
        return assertInstanceOf(kind, decoder.decode(g.topic(), bytes(g)), g.name());
    }

    @Test
    void readingsDecodeFieldForField() {
        Decoded.Reading r = decode(GoldenMessages.READING, Decoded.Reading.class);
        assertEquals(POT, r.potId);
        assertEquals(3L, r.boot);
        assertEquals(7, r.seq);
        assertEquals(2210, r.raw);
        assertEquals(55.0, r.moisture);
        assertNull(r.fault);
        assertEquals(35000L, r.uptimeMs);
        assertEquals(1700000000000L, r.ts);
        assertEquals(2, r.dropped);
        assertNull(r.batteryMv);
        assertNull(r.commandsDropped);
        assertNull(r.note);

        Decoded.Reading full = decode(GoldenMessages.READING_FULL, Decoded.Reading.class);
        assertEquals(8, full.seq);
        assertEquals(2882, full.batteryMv);
        assertEquals(1, full.dropped);
        assertEquals(4L, full.commandsDropped);

        Decoded.Reading fault = decode(GoldenMessages.READING_FAULT, Decoded.Reading.class);
        assertEquals("shorted", fault.fault);
        assertNull(fault.moisture);
        assertEquals(4095, fault.raw);
    }

    @Test
    void theTutorialsTextIsAMessageNotJunk() {
        Decoded.Message m = decode(GoldenMessages.READING_TEXT, Decoded.Message.class);
        assertFalse(m.junk);
        assertEquals("Test to mothership #7", m.text);
    }

    @Test
    void theTutorialsWordsAndTheWillAreStates() {
        Decoded.Status online = decode(GoldenMessages.ONLINE_WORD, Decoded.Status.class);
        assertEquals(StatusWords.ONLINE, online.state);
        assertNull(online.wake);
        assertEquals(StatusWords.OFFLINE, decode(GoldenMessages.OFFLINE, Decoded.Status.class).state);
        assertEquals(StatusWords.OFFLINE, decode(GoldenMessages.OFFLINE_CLEAN, Decoded.Status.class).state);
    }

    @Test
    void anOnlineStatusCarriesItsConnectsPhases() {
        Decoded.Status s = decode(GoldenMessages.ONLINE, Decoded.Status.class);
        assertEquals(POT, s.potId);
        assertEquals(StatusWords.ONLINE, s.state);
        assertNull(s.wakeAtMillis);
        assertEquals(3, s.wake.boot);
        assertEquals(0, s.wake.seq);
        assertEquals(WakePhases.RESET_POWER_ON, s.wake.reset);
        assertEquals(412, s.wake.bootMillis);
        assertFalse(s.wake.bootModelled);
        assertEquals(1710, s.wake.wifiMillis);
        assertEquals(1000, s.wake.addressMillis);
        assertEquals(35, s.wake.mqttMillis);
        assertEquals(3, s.wake.roundTrips);
        assertEquals(WakePhases.UNKNOWN, s.wake.publishMillis);
        assertEquals(WakePhases.UNKNOWN, s.wake.awakeMillis);
        WireText out = new WireText();
        StatusEncoder.online(out, s.wake);
        assertEquals(GoldenMessages.ONLINE.payload(), out.toString());
    }

    @Test
    void anAsleepStatusSaysTheWakeAndTheWakeThatEnds() {
        Decoded.Status s = decode(GoldenMessages.ASLEEP_UNTIL, Decoded.Status.class);
        assertTrue(s.asleep());
        assertEquals(1700000100000L, s.wakeAtMillis);
        assertEquals(900000L, s.sleepMillis);
        WakePhases w = s.wake;
        assertEquals(3, w.boot);
        assertEquals(11, w.seq);
        assertEquals(WakePhases.RESET_DEEP_SLEEP, w.reset);
        assertEquals(300, w.bootMillis);
        assertTrue(w.bootModelled);
        assertEquals(2, w.readMillis);
        assertEquals(270, w.wifiMillis);
        assertEquals(WakePhases.UNKNOWN, w.addressMillis);
        assertEquals(9, w.mqttMillis);
        assertEquals(5, w.publishMillis);
        assertEquals(4, w.readings);
        assertEquals(53, w.listenMillis);
        assertEquals(641, w.awakeMillis);
        assertEquals(6, w.roundTrips);
        WireText out = new WireText();
        StatusEncoder.asleep(out, s.wakeAtMillis, s.sleepMillis, s.wake);
        assertEquals(GoldenMessages.ASLEEP_UNTIL.payload(), out.toString());

        Decoded.Status length = decode(GoldenMessages.ASLEEP_FOR, Decoded.Status.class);
        assertTrue(length.asleep());
        assertNull(length.wakeAtMillis);
        assertEquals(900000L, length.sleepMillis);
        assertNull(length.wake);
        out = new WireText();
        StatusEncoder.asleep(out, 0, 900000, null);
        assertEquals(GoldenMessages.ASLEEP_FOR.payload(), out.toString());
        out = new WireText();
        StatusEncoder.offline(out);
        assertEquals(GoldenMessages.OFFLINE_CLEAN.payload(), out.toString());
    }

    @Test
    void theAboutSaysWhatThePotIsAndAllows() {
        Decoded.About a = decode(GoldenMessages.ABOUT, Decoded.About.class);
        assertEquals(POT, a.potId);
        assertEquals((long) AboutFields.PROTOCOL_VERSION, a.protocol);
        assertEquals("0.1.0", a.firmware);
        assertEquals("esp-wrover-kit", a.board);
        assertEquals(Boolean.TRUE, a.pump);
        assertEquals(300L, a.waterMaxMl);
        assertEquals(1000L, a.waterBudgetDayMl);
        assertEquals(600L, a.waterCooldownS);
        assertEquals(80L, a.waterWetAbove);
        assertEquals(5000L, a.intervalMs);
        assertEquals(AboutFields.ALWAYS_ON, a.power);
        assertEquals(Boolean.FALSE, a.battery);
        WireText out = new WireText();
        AboutEncoder.json(out, "0.1.0", "esp-wrover-kit", true, 300, 1000, 600, 80, 5000, false, false);
        assertEquals(GoldenMessages.ABOUT.payload(), out.toString());
    }

    @Test
    void repliesCarryOkTheCommandTheErrorAndWhenToRetry() {
        Decoded.Reply received = decode(GoldenMessages.REPLY_RECEIVED, Decoded.Reply.class);
        assertTrue(received.ok);
        assertEquals(CommandParser.RECEIVED_WORD, received.command);
        assertEquals(POT, received.potId);
        Decoded.Reply watered = decode(GoldenMessages.REPLY_WATERED, Decoded.Reply.class);
        assertTrue(watered.ok);
        assertEquals(CommandParser.water(150), watered.command);
        Decoded.Reply refused = decode(GoldenMessages.REPLY_REFUSED, Decoded.Reply.class);
        assertFalse(refused.ok);
        assertEquals(599L, refused.nextAllowedInS);
        assertTrue(refused.error.startsWith("watering refused"), refused.error);
        Decoded.Reply error = decode(GoldenMessages.REPLY_ERROR, Decoded.Reply.class);
        assertFalse(error.ok);
        assertNull(error.nextAllowedInS);
        assertTrue(error.error.contains("from 1 to " + CommandParser.MAX_WATER_ML), error.error);
    }

    @Test
    void whatTheMothershipSendsIsWhatThePotParses() {
        CommandParser parser = new CommandParser(CommandParser.MAX_FULL_SCALE);
        assertTrue(parser.parse(GoldenMessages.RECEIVED.payload()));
        assertEquals(CommandParser.RECEIVED, parser.command());
        assertEquals(GoldenMessages.WATER.payload(), CommandParser.water(150));
        assertTrue(parser.parse(GoldenMessages.WATER.payload()));
        assertEquals(CommandParser.WATER, parser.command());
        assertEquals(150, parser.value());
        assertEquals(GoldenMessages.WATER.topic(), WireTopics.commands(POT));
        assertFalse(parser.parse(GoldenMessages.WASSAP.payload()), "free text is answered with an error");
        assertFalse(parser.parse(CommandParser.water(CommandParser.MAX_WATER_ML + 1)), "one more than the limit");
    }

    @Test
    void theEncoderWritesTheGoldenReadingsByteForByte() {
        WireText out = new WireText();
        ReadingEncoder.json(out, POT, 8, 3, 2210, null, 550, 40000, 1700000005000L, 2882, 1, 4);
        assertEquals(GoldenMessages.READING_FULL.payload(), out.toString());
        out = new WireText();
        ReadingEncoder.json(out, POT, 9, 3, 4095, "shorted", 0, 45000, 0, ReadingEncoder.NO_BATTERY, 0, 0);
        assertEquals(GoldenMessages.READING_FAULT.payload(), out.toString());
        out = new WireText();
        ReadingEncoder.text(out, 7);
        assertEquals(GoldenMessages.READING_TEXT.payload(), out.toString());
    }

    @Test
    void everyGoldenMessageFromAPotIsUnderstoodAndNoneIsJunk() {
        for (GoldenMessages.Golden g : GoldenMessages.UP) {
            Decoded d = decoder.decode(g.topic(), bytes(g));
            assertFalse(d instanceof Decoded.Message m && m.junk, g.name() + ": " + (d instanceof Decoded.Message m ? m.problem : ""));
        }
    }
}
