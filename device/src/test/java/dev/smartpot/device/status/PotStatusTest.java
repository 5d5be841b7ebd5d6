package dev.smartpot.device.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.PotNode;
import dev.smartpot.device.fakes.TestPot;
import dev.smartpot.device.mqtt.MqttTransportException;

/** The state's name and the status line come from one place, so they agree in every state. */
class PotStatusTest {

    private static String stateInLine(TestPot pot) {
        String line = pot.node.statusLine();
        assertTrue(line.startsWith("state="), line);
        return line.substring("state=".length(), line.indexOf(' '));
    }

    @Test
    void theStatusLineAndTheStateNameAgreeOnlineOfflineRefusedAndStopped() {
        TestPot online = new TestPot("");
        online.runFor(1);
        assertEquals("online", PotStatus.stateName(online.node.state()));
        assertEquals("online", stateInLine(online));

        TestPot offline = new TestPot("");
        offline.mqtt.deadBrokers.add("tcp://10.0.0.1:1883");
        offline.runFor(1);
        assertEquals(PotNode.OFFLINE, offline.node.state());
        assertEquals("offline", stateInLine(offline));

        TestPot refused = new TestPot("mqtt.username = pot\nmqtt.password = secret-1\n");
        refused.mqtt.connectFailure = new MqttTransportException(MqttTransportException.REFUSED, "refused by the broker: not authorised");
        refused.runFor(1);
        assertEquals(PotNode.REFUSED, refused.node.state());
        assertEquals("refused", PotStatus.stateName(refused.node.state()));
        assertEquals("refused", stateInLine(refused));

        online.node.shutdown();
        assertEquals("stopped", PotStatus.stateName(online.node.state()));
        assertEquals("stopped", stateInLine(online));
    }
}
