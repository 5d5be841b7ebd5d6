package dev.smartpot.firmware.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;

import dev.smartpot.device.mqtt.MqttTransportException;

class MicroPahoMqttTransportTest {

    @Test
    void reasonCodesBecomeTheCoresKinds() {
        assertEquals(MqttTransportException.REFUSED, MicroPahoMqttTransport.translate("connect", new MqttException(5)).kind());
        assertEquals(MqttTransportException.REFUSED, MicroPahoMqttTransport.translate("connect", new MqttException(1)).kind());
        assertEquals(MqttTransportException.BUSY, MicroPahoMqttTransport.translate("publish", new MqttException(32202)).kind());
        MqttTransportException lost = MicroPahoMqttTransport.translate("publish", new MqttException(32109));
        assertEquals(MqttTransportException.UNREACHABLE, lost.kind());
        assertTrue(lost.getMessage().startsWith("publish failed: ") && lost.getMessage().endsWith("(32109)"), lost.getMessage());
    }

    @Test
    void publishingWhileDisconnectedIsAnUnreachableBroker() {
        MicroPahoMqttTransport t = new MicroPahoMqttTransport();
        assertFalse(t.isConnected());
        MqttTransportException e = assertThrows(MqttTransportException.class, () -> t.publish("t", new byte[4], 2, 1, false));
        assertEquals(MqttTransportException.UNREACHABLE, e.kind());
        t.disconnect(); // harmless when not connected
    }
}
