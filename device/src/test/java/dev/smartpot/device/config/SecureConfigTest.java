package dev.smartpot.device.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The keys of a locked-down broker: TLS files, per-pot topics and login, the delivery check. */
class SecureConfigTest {

    private static final String BASE = "wifi.ssid = Home\nwifi.password = secret123\n";

    private static DeviceConfig read(String text) throws ConfigException {
        return DeviceConfigs.read(BASE + text);
    }

    private static List<String> problems(String text) {
        return DeviceConfigs.problems(BASE + text);
    }

    @Test
    void theSecureLayoutReadsAsDocumented() throws ConfigException {
        DeviceConfig c = read(String.join("\n",
                "mqtt.broker = ssl://pi.local",
                "mqtt.tls.ca = certs/ca.crt",
                "mqtt.tls.cert = certs/pot.crt",
                "mqtt.tls.key = certs/pot.key",
                "mqtt.username = {id}",
                "mqtt.password = hunter2-hunter2",
                "mqtt.topic.publish = to_mothership/{id}",
                "mqtt.topic.subscribe = from_mothership/{id}",
                ""));
        assertEquals("ssl://pi.local:8883", c.brokers[0]);
        assertEquals("certs/ca.crt", c.tls.caCertificate);
        assertEquals("certs/pot.crt", c.tls.clientCertificate);
        assertEquals("certs/pot.key", c.tls.clientKey);
        assertTrue(c.tls.verifyHostname, "on unless turned off");
        assertTrue(c.deliveryCheck);
        assertEquals("0a1b2c3d4e5f", c.usernameFor("0a1b2c3d4e5f"));
        assertEquals("to_mothership/0a1b2c3d4e5f", c.publishTopicFor("0a1b2c3d4e5f"));
        assertEquals("from_mothership/0a1b2c3d4e5f", c.subscribeTopicFor("0a1b2c3d4e5f"));
        assertEquals("to_mothership/0a1b2c3d4e5f/status", c.statusTopicFor("0a1b2c3d4e5f"));
    }

    @Test
    void theTutorialsLayoutIsUnchanged() throws ConfigException {
        DeviceConfig c = read("mqtt.broker = 192.168.1.10\n");
        assertEquals("to_mothership", c.publishTopicFor("abc"));
        assertEquals("from_mothership", c.subscribeTopicFor("abc"));
        assertEquals("to_mothership/abc/status", c.statusTopicFor("abc"));
        assertNull(c.usernameFor("abc"));
        assertNull(c.tls.caCertificate);
    }

    @Test
    void halfAClientCertificateIsRefused() {
        List<String> p = problems("mqtt.broker = ssl://pi\nmqtt.tls.cert = pot.crt\n");
        assertEquals(List.of("pot.properties:4: mqtt.tls.cert = \"pot.crt\": is set without mqtt.tls.key. Fix: a client certificate"
                + " needs both its certificate and its private key: set mqtt.tls.key, or remove both"), p);
        List<String> q = problems("mqtt.broker = ssl://pi\nmqtt.tls.key = my-key-file.pem\n");
        assertEquals(1, q.size(), q.toString());
        assertTrue(q.get(0).startsWith("pot.properties:4: mqtt.tls.key = \"<hidden>\": is set without mqtt.tls.cert"), q.get(0));
    }

    @Test
    void tlsSettingsWithoutAnSslBrokerAreRefusedRatherThanIgnored() {
        List<String> p = problems("mqtt.broker = pi.local\nmqtt.tls.ca = ca.crt\nmqtt.tls.verify_hostname = maybe\n");
        assertEquals(3, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("pot.properties:4: mqtt.tls.ca = \"ca.crt\": is set but no broker in mqtt.broker uses ssl://"), p.get(0));
        assertTrue(p.get(0).endsWith("Fix: write the broker as ssl://host:8883, or remove mqtt.tls.ca"), p.get(0));
        assertTrue(p.get(1).contains("mqtt.tls.verify_hostname = \"maybe\": is not a yes/no value"), p.get(1));
        assertTrue(p.get(2).contains("mqtt.tls.verify_hostname = \"maybe\": is set but no broker"), p.get(2));
    }

    @Test
    void theDeliveryCheckCanBeSwitchedOff() throws ConfigException {
        assertFalse(read("mqtt.broker = pi\nmqtt.delivery.check = false\n").deliveryCheck);
    }
}
