package dev.smartpot.protocol;

import static dev.smartpot.protocol.GoldenMessages.POT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What a wake and a connect record share: the same members written and read the same way, the same identity rule. */
class PhaseRecordTest {

    private static void shared(PhaseRecord p) {
        p.boot = 3;
        p.reset = "brown\"out\\";
        p.bootMillis = 412;
        p.wifiMillis = 1710;
        p.addressMillis = 1000;
        p.mqttMillis = 35;
    }

    private static void assertShared(PhaseRecord p) {
        assertEquals(3, p.boot);
        assertEquals("brown\"out\\", p.reset, "a board's own reset word travels as plain JSON in both records");
        assertEquals(412, p.bootMillis);
        assertEquals(1710, p.wifiMillis);
        assertEquals(1000, p.addressMillis);
        assertEquals(35, p.mqttMillis);
    }

    private static String json(PhaseRecord p) {
        WireText out = new WireText();
        p.json(out);
        return out.toString();
    }

    @Test
    void aWakeAndAConnectCarryTheSharedMembersAlike() {
        WakePhases wake = new WakePhases();
        shared(wake);
        wake.seq = 11;
        Decoded.Status status = StatusDecoder.decode(POT, "{\"state\":\"online\",\"wake\":" + json(wake) + "}");
        assertShared(status.wake);
        assertEquals(11, status.wake.seq);

        ConnectPhases connect = new ConnectPhases();
        shared(connect);
        connect.connect = 2;
        Decoded.Connect record = ConnectDecoder.decode(POT, json(connect));
        assertShared(record.phases);
        assertEquals(2, record.phases.connect);
    }

    @Test
    void clearForgetsTheSharedMembersToo() {
        WakePhases wake = new WakePhases();
        shared(wake);
        wake.seq = 11;
        wake.clear();
        assertEquals("{}", json(wake));
        ConnectPhases connect = new ConnectPhases();
        shared(connect);
        connect.connect = 2;
        connect.clear();
        assertEquals("{}", json(connect));
    }

    @Test
    void aRecordIsIdentifiedByItsBootAndItsNumberInThatBoot() {
        WakePhases wake = new WakePhases();
        assertFalse(wake.identified());
        wake.boot = 3;
        assertFalse(wake.identified(), "no seq");
        wake.seq = 0;
        assertTrue(wake.identified(), "seq 0 is a boot's first reading");

        ConnectPhases connect = new ConnectPhases();
        connect.boot = 3;
        connect.connect = 0;
        assertFalse(connect.identified(), "connects count from 1");
        connect.connect = 1;
        assertTrue(connect.identified());
        connect.boot = PhaseRecord.UNKNOWN;
        assertFalse(connect.identified(), "no boot");
    }
}
