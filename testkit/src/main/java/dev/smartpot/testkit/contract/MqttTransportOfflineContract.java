package dev.smartpot.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.device.mqtt.MqttTransportException;
import dev.smartpot.protocol.WireTopics;

/**
 * What every {@link MqttTransport} does before it has a link, the same for each (a subclass says which transport):
 * the core may call it in any state and must get the kind of failure it acts on, never a crash. Runs where no broker
 * can be reached, e.g. the board's MicroPaho adapter on its stand-ins.
 */
public abstract class MqttTransportOfflineContract {

    /** A fresh transport, not connected. */
    protected abstract MqttTransport newTransport();

    @Test
    void beforeAConnectItIsNotConnected() {
        assertFalse(newTransport().isConnected());
    }

    @Test
    void publishingWithoutALinkIsAnUnreachableBroker() {
        MqttTransport t = newTransport();
        MqttTransportException e = assertThrows(MqttTransportException.class, () -> t.publish("t", new byte[4], 2, 1, false));
        assertEquals(MqttTransportException.UNREACHABLE, e.kind(), e.getMessage());
    }

    @Test
    void subscribingWithoutALinkIsAnUnreachableBroker() {
        MqttTransport t = newTransport();
        MqttTransportException e = assertThrows(MqttTransportException.class, () -> t.subscribe(WireTopics.DOWN, 1));
        assertEquals(MqttTransportException.UNREACHABLE, e.kind(), e.getMessage());
    }

    @Test
    void acknowledgingWithoutALinkIsHarmless() {
        MqttTransport t = newTransport();
        t.acknowledge(MqttTransport.NO_ACK);
        t.acknowledge(1 << 16 | 1);
        assertFalse(t.isConnected());
    }

    @Test
    void disconnectingWithoutALinkIsHarmless() {
        MqttTransport t = newTransport();
        t.disconnect();
        t.disconnect();
        assertFalse(t.isConnected());
    }
}
