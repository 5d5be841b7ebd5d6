package dev.smartpot.protocol;

import static dev.smartpot.protocol.GoldenMessages.POT;
import static dev.smartpot.protocol.GoldenMessages.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** An always-on pot's connect record: written byte for byte as the golden messages, read field for field, junk named. */
class ConnectPhasesTest {

    private final PayloadDecoder decoder = new PayloadDecoder();

    private static ConnectPhases second() {
        ConnectPhases p = new ConnectPhases();
        p.boot = 3;
        p.connect = 2;
        p.reset = WakePhases.RESET_POWER_ON;
        p.bootMillis = 412;
        p.wifiMillis = 1710;
        p.addressMillis = 1000;
        p.mqttMillis = 35;
        p.sessionMillis = 8;
        p.firstPublishMillis = 1753;
        p.upMillis = 3600000;
        p.reason = "connection lost: \"broker gone\"";
        return p;
    }

    @Test
    void theEncoderWritesTheGoldenBytes() {
        WireText out = new WireText();
        second().json(out);
        assertEquals(GoldenMessages.CONNECT.payload(), out.toString());

        ConnectPhases first = new ConnectPhases();
        first.boot = 1;
        first.connect = 1;
        first.reset = WakePhases.RESET_POWER_ON;
        first.mqttMillis = 35;
        first.sessionMillis = 8;
        first.firstPublishMillis = 43;
        first.upMillis = 50;
        out = new WireText();
        first.json(out);
        assertEquals(GoldenMessages.CONNECT_FIRST.payload(), out.toString());
    }

    @Test
    void aClearedRecordWritesAnEmptyObjectAndAReasonStaysPlainJson() {
        ConnectPhases p = second();
        p.clear();
        WireText out = new WireText();
        p.json(out);
        assertEquals("{}", out.toString());

        p.boot = 1;
        p.connect = 2;
        p.reason = "caf\u00e9\nline\\" + "x".repeat(200);
        out = new WireText();
        p.json(out);
        Decoded.Connect back = ConnectDecoder.decode(POT, out.toString());
        assertTrue(back.phases.reason.startsWith("caf??line\\x"), back.phases.reason);
        assertEquals(PhaseRecord.MAX_TEXT_CHARS, back.phases.reason.length());
    }

    @Test
    void theDecoderReadsTheGoldenRecordFieldForField() {
        Decoded.Connect c = assertInstanceOf(Decoded.Connect.class,
                decoder.decode(GoldenMessages.CONNECT.topic(), bytes(GoldenMessages.CONNECT)));
        assertEquals(POT, c.potId);
        ConnectPhases p = c.phases;
        assertEquals(3, p.boot);
        assertEquals(2, p.connect);
        assertEquals(WakePhases.RESET_POWER_ON, p.reset);
        assertEquals(412, p.bootMillis);
        assertEquals(1710, p.wifiMillis);
        assertEquals(1000, p.addressMillis);
        assertEquals(35, p.mqttMillis);
        assertEquals(8, p.sessionMillis);
        assertEquals(1753, p.firstPublishMillis);
        assertEquals(3600000, p.upMillis);
        assertEquals("connection lost: \"broker gone\"", p.reason);

        Decoded.Connect first = assertInstanceOf(Decoded.Connect.class,
                decoder.decode(GoldenMessages.CONNECT_FIRST.topic(), bytes(GoldenMessages.CONNECT_FIRST)));
        assertEquals(ConnectPhases.UNKNOWN, first.phases.wifiMillis);
        assertEquals(ConnectPhases.UNKNOWN, first.phases.bootMillis);
        assertNull(first.phases.reason);
    }

    @Test
    void aClearedSlotIsARecordWithoutPhases() {
        Decoded.Connect c = assertInstanceOf(Decoded.Connect.class, decoder.decode(WireTopics.connect(POT), new byte[0]));
        assertNull(c.phases);
    }

    @Test
    void junkIsNamedWithTheFixAndNeverThrows() {
        for (String bad : new String[] {"online", "{\"connect\":1}", "{\"boot\":3,\"connect\":0}", "{\"boot\":-1,\"connect\":1}",
            "[1,2]", "{\"boot\":3,\"connect\":1", "{\"boot\":\"3\",\"connect\":1}"}) {
            Decoded.Message m = assertInstanceOf(Decoded.Message.class,
                    decoder.decode(WireTopics.connect(POT), bad.getBytes(java.nio.charset.StandardCharsets.UTF_8)), bad);
            assertTrue(m.junk && m.problem.contains("connect record") && m.problem.contains("\"connect\""), m.problem);
        }
        assertEquals(ConnectPhases.UNKNOWN, ConnectDecoder.decode(POT, "{\"boot\":3,\"connect\":1,\"up_ms\":-5}").phases.upMillis,
                "a phase that is not a whole number >= 0 is unknown");
    }

    @Test
    void theTopicSitsBesideTheStatusAndTheMothershipHearsIt() {
        assertEquals("to_mothership/" + POT + "/connect", WireTopics.connect(POT));
        assertTrue(java.util.Arrays.asList(WireTopics.everyPot()).contains("to_mothership/+/connect"));
    }
}
