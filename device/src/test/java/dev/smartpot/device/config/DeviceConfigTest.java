package dev.smartpot.device.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class DeviceConfigTest {

    private static DeviceConfig read(String text) throws ConfigException {
        return DeviceConfigs.read(text);
    }

    private static List<String> problems(String text) {
        return DeviceConfigs.problems(text);
    }

    @Test
    void theTutorialsMinimumGetsTheTutorialsDefaults() throws ConfigException {
        DeviceConfig c = read("wifi.ssid = Home\nwifi.password = secret123\nmqtt.broker = 192.168.1.10\n");
        assertArrayEquals(new String[] {"tcp://192.168.1.10:1883"}, c.brokers);
        assertEquals("to_mothership", c.publishTopic);
        assertEquals("from_mothership", c.subscribeTopic);
        assertEquals(5000, c.publishIntervalMillis);
        assertEquals("json", c.payloadFormat);
        assertEquals(15, c.keepAliveSeconds);
        assertEquals(17280, c.queueCapacity);
        assertEquals("to_mothership/abc/status", c.statusTopicFor("abc"));
    }

    @Test
    void brokerAddressesAreNormalisedAndListsKeepTheirOrder() throws ConfigException {
        DeviceConfig c = read("wifi.ssid = H\nmqtt.broker = pi.local:1884, tcp://10.0.0.2:1883 ,ssl://broker.lan, mqtt://b\n");
        assertArrayEquals(new String[] {"tcp://pi.local:1884", "tcp://10.0.0.2:1883", "ssl://broker.lan:8883", "tcp://b:1883"},
                c.brokers);
    }

    @Test
    void durationsAcceptMillisecondsSecondsMinutes() throws ConfigException {
        assertEquals(500, read("wifi.ssid=H\nmqtt.broker=h\npublish.interval=500ms\n").publishIntervalMillis);
        assertEquals(120000, read("wifi.ssid=H\nmqtt.broker=h\npublish.interval=2m\n").publishIntervalMillis);
    }

    @Test
    void everyProblemIsReportedAtOnceWithFileLineKeyValueRuleAndFix() {
        List<String> p = problems(String.join("\n",
                "# a pot",
                "wifi.ssid = Home",
                "mqtt.broker = tcp:/oops",
                "publish.interval = 5x",
                "mqtt.qos = 2",
                "payload.format = xml",
                "mqtt.topic.publish = pots/+/data",
                "publish.intervall = 5s",
                "this line is wrong"));
        assertEquals(7, p.size(), String.join("\n", p));
        assertTrue(p.contains("pot.properties:3: mqtt.broker = \"tcp:/oops\": entry \"tcp:/oops\" is not a broker address. "
                + "Fix: write a host or IP (port 1883 assumed), host:port, tcp://host:port or ssl://host:port"), String.join("\n", p));
        assertTrue(p.contains("pot.properties:4: publish.interval = \"5x\": is not a duration. "
                + "Fix: write a whole number followed by ms, s, m or h, e.g. 5s"), String.join("\n", p));
        assertTrue(p.contains("pot.properties:5: mqtt.qos = \"2\": is out of range 0 to 1. Fix: pick a value in that range; the default is 1"));
        assertTrue(p.contains("pot.properties:6: payload.format = \"xml\": is not one of: json, text. Fix: write one of those (default json)"));
        assertTrue(p.stream().anyMatch(s -> s.startsWith("pot.properties:7: mqtt.topic.publish = \"pots/+/data\": contains the wildcard '+'")));
        assertTrue(p.contains("pot.properties:8: publish.intervall: is not a known key. Fix: did you mean \"publish.interval\"?"));
        assertTrue(p.contains("pot.properties:9: line \"this line is wrong\" is not a setting. "
                + "Fix: write it as key = value, or start it with # to make it a comment"));
    }

    @Test
    void missingRequiredKeysSayWhatToAdd() {
        List<String> p = problems("");
        assertEquals(List.of(
                "pot.properties: wifi.ssid: is required but not set. Fix: add a line \"wifi.ssid = MyHomeWiFi\"",
                "pot.properties: mqtt.broker: is required but not set. Fix: add a line \"mqtt.broker = 192.168.1.10\""), p);
    }

    @Test
    void templatePlaceholdersAreRefused() {
        List<String> p = problems("wifi.ssid = YOUR_SSID\nwifi.password = YOUR_PASSWORD\nmqtt.broker = 10.0.0.1\n");
        assertTrue(p.contains("pot.properties:1: wifi.ssid = \"YOUR_SSID\": still holds the template placeholder. Fix: replace it with your real value"));
        assertTrue(p.contains("pot.properties:2: wifi.password = \"<hidden>\": still holds the template placeholder. Fix: replace it with your real value"));
    }

    @Test
    void secretsNeverAppearInMessages() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> read("wifi.ssid = H\nwifi.password = short\nmqtt.broker = h\nmqtt.password = hunter2\n"));
        assertFalse(e.getMessage().contains("short\""), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertTrue(e.getMessage().contains("wifi.password = \"<hidden>\": must be 8 to 63 characters"), e.getMessage());
        assertTrue(e.getMessage().contains("mqtt.password = \"<hidden>\": is set without mqtt.username"), e.getMessage());
    }

    @Test
    void rangesAcrossKeysAreChecked() {
        List<String> p = problems("wifi.ssid=H\nmqtt.broker=h\nbackoff.min=2m\nbackoff.max=1m\nsensor.raw.dry=2000\nsensor.raw.wet=2000\n");
        assertTrue(p.stream().anyMatch(s -> s.contains("backoff.min = \"2m\": is longer than backoff.max")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.contains("sensor.raw.wet = \"2000\": equals sensor.raw.dry")), p.toString());
    }

    @Test
    void subscribeFiltersMayUseWholeLevelWildcardsOnly() throws ConfigException {
        assertEquals("pots/+/cmd", read("wifi.ssid=H\nmqtt.broker=h\nmqtt.topic.subscribe=pots/+/cmd\n").subscribeTopic);
        List<String> p = problems("wifi.ssid=H\nmqtt.broker=h\nmqtt.topic.subscribe=pots/a#\n");
        assertTrue(p.get(0).contains("uses '#' inside a level"), p.toString());
    }

    @Test
    void rebootAfterZeroMeansNever() throws ConfigException {
        assertEquals(0, read("wifi.ssid=H\nmqtt.broker=h\nreboot.after=0\n").rebootAfterMillis);
        assertEquals(900000, read("wifi.ssid=H\nmqtt.broker=h\n").rebootAfterMillis);
    }

    @Test
    void laterLinesAndOverridesWin() throws ConfigException {
        ConfigSource s = ConfigSource.parse("wifi.ssid=H\nmqtt.broker=h\npublish.interval=5s\npublish.interval=7s\n", "f");
        s.override("publish.interval", "9s", "command line --interval");
        ConfigReader r = new ConfigReader(s);
        assertEquals(9000, DeviceConfig.read(r).publishIntervalMillis);
        s.override("publish.interval", "zz", "command line --interval");
        ConfigReader bad = new ConfigReader(s);
        DeviceConfig.read(bad);
        assertEquals("command line --interval: publish.interval = \"zz\": is not a duration. "
                + "Fix: write a whole number followed by ms, s, m or h, e.g. 5s", bad.problems().get(0).message());
    }

    @Test
    void normaliseBrokerRejectsWhatIsNotAnAddress() {
        assertNull(DeviceConfig.normaliseBroker("http://x"));
        assertNull(DeviceConfig.normaliseBroker("host:99999"));
        assertNull(DeviceConfig.normaliseBroker("ho st"));
        assertNull(DeviceConfig.normaliseBroker("tcp://:1883"));
        assertEquals("tcp://[::1]:1883", DeviceConfig.normaliseBroker("[::1]"));
    }
}
