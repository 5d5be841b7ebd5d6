package dev.smartpot.device.config;

import java.util.ArrayList;
import java.util.List;

import dev.smartpot.device.board.StaticAddress;
import dev.smartpot.device.mqtt.BrokerAddress;
import dev.smartpot.device.mqtt.TlsSettings;
import dev.smartpot.device.mqtt.Topics;
import dev.smartpot.device.text.Durations;
import dev.smartpot.protocol.WireTopics;

/**
 * The device's settings, validated. Read with {@link #read(ConfigReader)}; the keys and their rules are
 * documented key by key in {@code board-config/*.properties}.
 */
public final class DeviceConfig {

    public static final int DEFAULT_PORT = BrokerAddress.DEFAULT_PORT;
    public static final int DEFAULT_TLS_PORT = BrokerAddress.DEFAULT_TLS_PORT;

    public final String deviceName;
    public final String wifiSsid;
    /** Empty for an open network. Never logged. */
    public final String wifiPassword;
    public final long wifiJoinTimeoutMillis;
    /** A fixed address for the station, or null for DHCP. */
    public final StaticAddress staticAddress;
    /** Normalised {@code tcp://host:port} or {@code ssl://host:port}, in order of preference. */
    public final String[] brokers;
    /** May hold {@code {id}}; see {@link #publishTopicFor(String)}. */
    public final String publishTopic;
    /** May hold {@code {id}}; see {@link #subscribeTopicFor(String)}. */
    public final String subscribeTopic;
    /** With {@code {id}} still in it; see {@link #statusTopicFor(String)}. */
    public final String statusTopicTemplate;
    /** May hold {@code {id}}; see {@link #usernameFor(String)}. */
    public final String mqttUsername;
    public final String mqttPassword;
    /** How {@code ssl://} brokers are secured (CA, client certificate, hostname check). */
    public final TlsSettings tls;
    /** Whether the pot confirms, per connection, that the broker delivers its readings (see DeliveryCheck). */
    public final boolean deliveryCheck;
    public final int keepAliveSeconds;
    public final int qos;
    public final long publishIntervalMillis;
    /** {@code json} or {@code text}. */
    public final String payloadFormat;
    public final long backoffMinMillis;
    public final long backoffMaxMillis;
    /** 0 = never reboot. */
    public final long rebootAfterMillis;
    /** Always on: the planned restart's period ({@code vm.restart.every}); 0 = never. */
    public final long vmRestartEveryMillis;
    public final int queueCapacity;
    /** {@code ack.wait}: how long readings at the broker wait for the mothership's confirmation. */
    public final long ackWaitMillis;
    /** True for {@code power.mode = deep-sleep}. */
    public final boolean deepSleep;
    public final int sleepPublishEvery;
    /** In deep sleep: below this moisture (percent) the soil is dry, and a change publishes at once; 0 = off. */
    public final int sleepPublishDryBelowPercent;
    public final long sleepListenMillis;
    public final int batteryCapacityMah;
    /** The battery voltage's pin and divider; {@link BatteryConfig#present()} is false without one. */
    public final BatteryConfig battery;
    public final int adcBits;
    public final int rawDry;
    public final int rawWet;
    public final SensorConfig sensor;
    public final CommandConfig commands;
    public final HomeAssistantConfig homeAssistant;
    public final SafetyConfig safety;
    /** {@code board.name} where the runtime has one (a board's config), else null. */
    public final String boardName;

    private DeviceConfig(ConfigReader r) {
        deviceName = r.text(ConfigKeys.DEVICE_NAME);
        boardName = r.text(ConfigKeys.BOARD_NAME);
        wifiSsid = r.requiredText(ConfigKeys.WIFI_SSID, "MyHomeWiFi");
        wifiPassword = r.text(ConfigKeys.WIFI_PASSWORD);
        wifiJoinTimeoutMillis = r.duration(ConfigKeys.WIFI_JOIN_TIMEOUT);
        staticAddress = StaticAddressConfig.read(r);
        brokers = readBrokers(r);
        publishTopic = r.text(ConfigKeys.MQTT_TOPIC_PUBLISH);
        subscribeTopic = r.text(ConfigKeys.MQTT_TOPIC_SUBSCRIBE);
        // A per-pot readings topic (ending in /{id}) gets its status beside the readings, not a second id level.
        statusTopicTemplate = r.text(ConfigKeys.MQTT_TOPIC_STATUS,
                (publishTopic.endsWith("/" + WireTopics.ID) ? publishTopic : publishTopic + "/" + WireTopics.ID) + "/"
                        + WireTopics.STATUS_LEVEL);
        mqttUsername = r.text(ConfigKeys.MQTT_USERNAME);
        mqttPassword = r.text(ConfigKeys.MQTT_PASSWORD);
        tls = readTls(r, brokers);
        // A broker drops readings silently only when an ACL applies, which means a login: check by default then.
        // On an open broker the check would only cost traffic (each connecting pot briefly reads the readings topic).
        deliveryCheck = r.bool(ConfigKeys.MQTT_DELIVERY_CHECK, mqttUsername != null);
        keepAliveSeconds = (int) (r.duration(ConfigKeys.MQTT_KEEPALIVE) / 1000);
        qos = (int) r.number(ConfigKeys.MQTT_QOS);
        publishIntervalMillis = r.duration(ConfigKeys.PUBLISH_INTERVAL);
        payloadFormat = r.choice(ConfigKeys.PAYLOAD_FORMAT);
        backoffMinMillis = r.duration(ConfigKeys.BACKOFF_MIN);
        backoffMaxMillis = r.duration(ConfigKeys.BACKOFF_MAX);
        rebootAfterMillis = readRebootAfter(r);
        vmRestartEveryMillis = readVmRestartEvery(r);
        queueCapacity = (int) r.number(ConfigKeys.QUEUE_CAPACITY);
        ackWaitMillis = r.duration(ConfigKeys.ACK_WAIT);
        deepSleep = "deep-sleep".equals(r.choice(ConfigKeys.POWER_MODE));
        sleepPublishEvery = (int) r.number(ConfigKeys.SLEEP_PUBLISH_EVERY);
        sleepPublishDryBelowPercent = (int) r.number(ConfigKeys.SLEEP_PUBLISH_DRY_BELOW);
        sleepListenMillis = r.duration(ConfigKeys.SLEEP_LISTEN);
        batteryCapacityMah = (int) r.number(ConfigKeys.BATTERY_CAPACITY_MAH);
        battery = BatteryConfig.read(r);
        adcBits = (int) r.number(ConfigKeys.SENSOR_ADC_BITS);
        rawDry = (int) r.number(ConfigKeys.SENSOR_RAW_DRY);
        rawWet = (int) r.number(ConfigKeys.SENSOR_RAW_WET);
        sensor = SensorConfig.read(r, adcBits, rawDry, rawWet);
        commands = CommandConfig.read(r, subscribeTopic, publishTopic);
        homeAssistant = HomeAssistantConfig.read(r, payloadFormat);
        safety = SafetyConfig.read(r);

        checkTopic(r, "mqtt.topic.publish", publishTopic, false);
        checkTopic(r, "mqtt.topic.subscribe", subscribeTopic, true);
        if (r.isSet("mqtt.topic.status")) {
            checkTopic(r, "mqtt.topic.status", statusTopicFor("0"), false);
        }
        // Only where it is used (deep sleep) or set: an always-on pot with a low water.wet.above is not held to it.
        if ((deepSleep || r.isSet("sleep.publish.dry.below")) && sleepPublishDryBelowPercent >= safety.waterWetAbovePercent) {
            r.problem(ConfigKeys.SLEEP_PUBLISH_DRY_BELOW, "is at or above water.wet.above (" + safety.waterWetAbovePercent
                    + " %), so soil could count as dry and wet at once", "make it lower than water.wet.above, or 0 to turn it off");
        }
        if (backoffMinMillis > backoffMaxMillis) {
            r.problem("backoff.min", "is longer than backoff.max (" + backoffMaxMillis + " ms)",
                    "make backoff.min at most backoff.max");
        }
        if (rawDry == rawWet) {
            r.problem("sensor.raw.wet", "equals sensor.raw.dry, so moisture cannot be computed",
                    "measure the sensor in dry air and in water and put both counts in");
        }
        if (mqttPassword != null && mqttUsername == null) {
            r.problem("mqtt.password", "is set without mqtt.username", "add mqtt.username, or remove mqtt.password");
        }
        if (wifiPassword.length() > 0 && (wifiPassword.length() < 8 || wifiPassword.length() > 63)) {
            r.problem("wifi.password", "must be 8 to 63 characters for WPA2 (or empty for an open network)",
                    "check the password of your access point");
        }
        if (wifiSsid != null && utf8Length(wifiSsid) > 32) {
            r.problem("wifi.ssid", "is longer than 32 bytes, the most an SSID can be", "check the network name");
        }
    }

    /** Reads and validates every device key; problems stay in the reader until {@link ConfigReader#finish()}. */
    public static DeviceConfig read(ConfigReader reader) {
        return new DeviceConfig(reader);
    }

    public String statusTopicFor(String clientId) {
        return Topics.withClientId(statusTopicTemplate, clientId);
    }

    /** The readings topic with {@code {id}} replaced by the client id: a per-pot topic a broker ACL can grant. */
    public String publishTopicFor(String clientId) {
        return Topics.withClientId(publishTopic, clientId);
    }

    public String subscribeTopicFor(String clientId) {
        return Topics.withClientId(subscribeTopic, clientId);
    }

    /** The broker login with {@code {id}} replaced, so one template serves every pot; null = anonymous. */
    public String usernameFor(String clientId) {
        return mqttUsername == null ? null : Topics.withClientId(mqttUsername, clientId);
    }

    private static TlsSettings readTls(ConfigReader r, String[] brokers) {
        String ca = r.text(ConfigKeys.MQTT_TLS_CA);
        String cert = r.text(ConfigKeys.MQTT_TLS_CERT);
        String key = r.text(ConfigKeys.MQTT_TLS_KEY);
        boolean verifyHostname = r.bool(ConfigKeys.MQTT_TLS_VERIFY_HOSTNAME);
        if ((cert == null) != (key == null)) {
            String missing = cert == null ? "mqtt.tls.cert" : "mqtt.tls.key";
            r.problem(cert == null ? "mqtt.tls.key" : "mqtt.tls.cert", "is set without " + missing,
                    "a client certificate needs both its certificate and its private key: set " + missing + ", or remove both");
        }
        boolean anyTls = false;
        for (int i = 0; i < brokers.length; i++) {
            anyTls |= BrokerAddress.parse(brokers[i]).isTls();
        }
        String[] tlsKeys = {"mqtt.tls.ca", "mqtt.tls.cert", "mqtt.tls.key", "mqtt.tls.verify_hostname"};
        for (int i = 0; i < tlsKeys.length && brokers.length > 0 && !anyTls; i++) {
            if (r.isSet(tlsKeys[i])) {
                r.problem(tlsKeys[i], "is set but no broker in mqtt.broker uses ssl://, so it would be ignored and the link left unencrypted",
                        "write the broker as ssl://host:8883, or remove " + tlsKeys[i]);
            }
        }
        return new TlsSettings(ca, cert, key, verifyHostname);
    }

    private static long readRebootAfter(ConfigReader r) {
        if (r.isSet("reboot.after") && "0".equals(r.source().get("reboot.after").value)) {
            return 0;
        }
        return r.duration(ConfigKeys.REBOOT_AFTER);
    }

    /** Unset or 0: never (a board's runtime sets its own default on the source before reading). */
    private static long readVmRestartEvery(ConfigReader r) {
        if (!r.isSet("vm.restart.every") || "0".equals(r.source().get("vm.restart.every").value)) {
            return 0;
        }
        ConfigKey key = ConfigKeys.VM_RESTART_EVERY;
        // 55m, a board's own value, is the example of a well-written one: the key has no default of its own.
        long every = r.duration(key.name, BoardConfig.BOARD_VM_RESTART_EVERY_MILLIS, 0, Long.MAX_VALUE);
        if (every < key.min || every > key.max) {
            r.problem(key, "is out of range " + Durations.format(key.min) + " to " + Durations.format(key.max),
                    "pick a value in that range (a board restarts every 55m unless told otherwise), or 0 for never");
            return 0;
        }
        return every;
    }

    private static String[] readBrokers(ConfigReader r) {
        String list = r.requiredText(ConfigKeys.MQTT_BROKER, "192.168.1.10");
        if (list == null) {
            return new String[0];
        }
        List<String> uris = new ArrayList<String>();
        int start = 0;
        while (start <= list.length()) {
            int comma = list.indexOf(',', start);
            int end = comma < 0 ? list.length() : comma;
            String one = list.substring(start, end).trim();
            if (one.length() == 0) {
                r.problem("mqtt.broker", "has an empty entry in its list", "separate brokers with single commas");
            } else {
                String uri = normaliseBroker(one);
                if (uri == null) {
                    r.problem("mqtt.broker", "entry \"" + one + "\" is not a broker address",
                            "write " + BrokerAddress.FORMS);
                } else {
                    uris.add(uri);
                }
            }
            start = end + 1;
        }
        return uris.toArray(new String[uris.size()]);
    }

    /** {@code tcp://host:port} for a host, host:port or URI; null if it is not one ({@link BrokerAddress}). */
    public static String normaliseBroker(String text) {
        BrokerAddress address = BrokerAddress.parseOrNull(text);
        return address == null ? null : address.toString();
    }

    static void checkTopic(ConfigReader r, String key, String topic, boolean filter) {
        if (topic == null) {
            return;
        }
        if (topic.length() == 0) {
            r.problem(key, "is empty", "name a topic, e.g. to_mothership");
            return;
        }
        if (utf8Length(topic) > 65535) {
            r.problem(key, "is longer than MQTT's 65535 bytes", "use a shorter topic");
            return;
        }
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            if (c == 0) {
                r.problem(key, "contains a NUL character", "remove it");
                return;
            }
            if (c == '+' || c == '#') {
                if (!filter) {
                    r.problem(key, "contains the wildcard '" + c + "', which is not allowed in a topic to publish to",
                            "name one exact topic, e.g. to_mothership");
                    return;
                }
                boolean wholeLevel = (i == 0 || topic.charAt(i - 1) == '/')
                        && (i == topic.length() - 1 || topic.charAt(i + 1) == '/');
                if (!wholeLevel || (c == '#' && i != topic.length() - 1)) {
                    r.problem(key, "uses '" + c + "' inside a level ('+' must be a whole level, '#' the whole last level)",
                            "write e.g. pots/+/cmd or pots/#");
                    return;
                }
            }
        }
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : (c >= 0xD800 && c <= 0xDBFF) ? 2 : 3; // a surrogate pair is 4 bytes
        }
        return n;
    }
}
