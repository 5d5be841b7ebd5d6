package dev.smartpot.simulator.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;

import com.hivemq.client.mqtt.exceptions.ConnectionClosedException;
import com.hivemq.client.mqtt.exceptions.MqttSessionExpiredException;

import dev.smartpot.device.mqtt.MqttTransportException;

/** What a pot says when its broker's name does not resolve or a link closes, on both desktop transports (no lookup is made). */
class TransportErrorsTest {

    @Test
    void anUnknownBrokerHostIsNamedWithTheFixOnPaho() {
        MqttTransportException e = PahoErrors.translate(new MqttException(new UnknownHostException("nosuchhost.invalid")));
        assertEquals(MqttTransportException.UNREACHABLE, e.kind());
        assertTrue(e.getMessage().startsWith("cannot resolve host nosuchhost.invalid. Fix: "), e.getMessage());
    }

    @Test
    void anUnknownBrokerHostIsNamedWithTheFixOnHiveMq() {
        MqttTransportException e = HiveMqErrors.translate(
                new CompletionException(new UnknownHostException("nosuchhost.invalid: Name or service not known")));
        assertTrue(e.getMessage().startsWith("cannot resolve host nosuchhost.invalid. Fix: "), e.getMessage());
    }

    @Test
    void otherFailuresKeepTheLibrarysWordsWithTheirCause() {
        MqttTransportException e = HiveMqErrors.translate(new IllegalStateException("closed", new RuntimeException("reset by peer")));
        assertEquals("closed: reset by peer", e.getMessage());
    }

    /** HiveMQ's words when a clean session's connection closes under a waiting request: nothing expired on the broker. */
    @Test
    void aConnectionTheBrokerClosedUnderARequestIsSaidPlainlyNotAsAnExpiredSession() {
        MqttTransportException e = HiveMqErrors.translate(new MqttSessionExpiredException("Session expired as connection was closed.",
                new ConnectionClosedException("Server closed connection without DISCONNECT.")));
        assertEquals(MqttTransportException.UNREACHABLE, e.kind());
        assertEquals("the broker closed the connection before it answered", e.getMessage());

        e = HiveMqErrors.translate(new MqttSessionExpiredException("Session expired as connection was closed.",
                new RuntimeException("Timeout while waiting for PINGRESP")));
        assertEquals("the connection closed before the broker answered (Timeout while waiting for PINGRESP)", e.getMessage());
    }
}
