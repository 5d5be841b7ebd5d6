package dev.smartpot.firmware.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smartpot.device.fakes.ListLog;
import dev.smartpot.device.mqtt.ConnectSettings;
import dev.smartpot.device.mqtt.MqttTransportException;
import dev.smartpot.device.mqtt.TlsSettings;

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
        MicroPahoMqttTransport t = new MicroPahoMqttTransport(new ListLog());
        assertFalse(t.isConnected());
        MqttTransportException e = assertThrows(MqttTransportException.class, () -> t.publish("t", new byte[4], 2, 1, false));
        assertEquals(MqttTransportException.UNREACHABLE, e.kind());
        t.disconnect(); // harmless when not connected
    }

    private static ConnectSettings tls(TlsSettings tls) {
        return new ConnectSettings(15, 5, null, null, null, null, tls);
    }

    @Test
    void anSslBrokerWithoutItsCaResourceIsRefusedBeforeDialling() {
        ListLog log = new ListLog();
        MicroPahoMqttTransport t = new MicroPahoMqttTransport(log, new EmbeddedTlsTest.Embedded());
        MqttTransportException e = assertThrows(MqttTransportException.class, () -> t.connect("ssl://broker.local:8883", "pot",
                tls(new TlsSettings(EmbeddedTlsTest.CA, null, null, true))));
        assertEquals(MqttTransportException.REFUSED, e.kind());
        assertTrue(e.getMessage().startsWith("mqtt.tls.ca names the resource " + EmbeddedTlsTest.CA), e.getMessage());
    }

    @Test
    void aPlainBrokerNeverLooksForCertificates() {
        EmbeddedTls.Resources none = name -> {
            throw new AssertionError("opened " + name);
        };
        MicroPahoMqttTransport t = new MicroPahoMqttTransport(new ListLog(), none);
        // The stand-in client fails every connect: what matters is that it got that far.
        MqttTransportException e = assertThrows(MqttTransportException.class, () -> t.connect("tcp://broker.local:1883", "pot",
                tls(new TlsSettings(EmbeddedTlsTest.CA, null, null, true))));
        assertEquals(MqttTransportException.UNREACHABLE, e.kind());
    }

    @Test
    void hostNamesTheBoardCannotCheckAreWarnedAboutOnEveryConnect(@TempDir Path tmp) throws Exception {
        EmbeddedTlsTest.Embedded firmware = new EmbeddedTlsTest.Embedded()
                .with(EmbeddedTlsTest.CA, new TestPki(tmp).authority("ca").certificatePem());
        ListLog log = new ListLog();
        MicroPahoMqttTransport t = new MicroPahoMqttTransport(log, firmware);
        TlsSettings checked = new TlsSettings(EmbeddedTlsTest.CA, null, null, true);
        assertThrows(MqttTransportException.class, () -> t.connect("ssl://broker.local:8883", "pot", tls(checked)));
        assertEquals(0, log.count("WARN"), log.all());
        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThrows(MqttTransportException.class, () -> t.connect("ssl://192.168.1.10:8883", "pot", tls(checked)));
        }
        assertEquals(2, log.count("the broker 192.168.1.10 is an IP address: this board's TLS layer checks host names only"), log.all());
        TlsSettings unchecked = new TlsSettings(EmbeddedTlsTest.CA, null, null, false);
        assertThrows(MqttTransportException.class, () -> t.connect("ssl://broker.local:8883", "pot", tls(unchecked)));
        assertEquals(1, log.count("mqtt.tls.verify_hostname = false cannot be honoured on the board"), log.all());
    }
}
