package dev.smartpot.device.config;

import dev.smartpot.device.reading.MoistureScale;
import dev.smartpot.protocol.WireTopics;

/** Every setting a pot reads, in one place: the board-config templates document each of these. */
final class ConfigKeys {

    public static final ConfigKey DEVICE_NAME = ConfigKey.text("device.name", "Smart pot");
    public static final ConfigKey WIFI_SSID = ConfigKey.text("wifi.ssid", null);
    public static final ConfigKey WIFI_PASSWORD = ConfigKey.secret("wifi.password", "");
    public static final ConfigKey WIFI_JOIN_TIMEOUT = ConfigKey.duration("wifi.join.timeout", 15000, 1000, 120000);
    /** A fixed address instead of DHCP (see {@link StaticAddressConfig}); default: DHCP. */
    public static final ConfigKey WIFI_IP = ConfigKey.text("wifi.ip", null);
    public static final ConfigKey WIFI_NETMASK = ConfigKey.text("wifi.netmask", null);
    public static final ConfigKey WIFI_GATEWAY = ConfigKey.text("wifi.gateway", null);
    /** Default: the gateway. */
    public static final ConfigKey WIFI_DNS = ConfigKey.text("wifi.dns", null);

    public static final ConfigKey MQTT_BROKER = ConfigKey.text("mqtt.broker", null);
    public static final ConfigKey MQTT_USERNAME = ConfigKey.text("mqtt.username", null);
    public static final ConfigKey MQTT_PASSWORD = ConfigKey.secret("mqtt.password", null);
    public static final ConfigKey MQTT_TOPIC_PUBLISH = ConfigKey.text("mqtt.topic.publish", WireTopics.UP);
    public static final ConfigKey MQTT_TOPIC_SUBSCRIBE = ConfigKey.text("mqtt.topic.subscribe", WireTopics.DOWN);
    /** Default: beside the readings, see {@link DeviceConfig}. */
    public static final ConfigKey MQTT_TOPIC_STATUS = ConfigKey.text("mqtt.topic.status", null);
    /** Default: one level below the subscribe topic, see {@link CommandConfig}. */
    public static final ConfigKey MQTT_TOPIC_COMMANDS = ConfigKey.text("mqtt.topic.commands", null);
    /** Default: beside the readings, see {@link CommandConfig}. */
    public static final ConfigKey MQTT_TOPIC_REPLY = ConfigKey.text("mqtt.topic.reply", null);
    public static final ConfigKey MQTT_TLS_CA = ConfigKey.text("mqtt.tls.ca", null);
    public static final ConfigKey MQTT_TLS_CERT = ConfigKey.text("mqtt.tls.cert", null);
    public static final ConfigKey MQTT_TLS_KEY = ConfigKey.secret("mqtt.tls.key", null);
    public static final ConfigKey MQTT_TLS_VERIFY_HOSTNAME = ConfigKey.bool("mqtt.tls.verify_hostname", 1);
    /** Default: on with a login (an ACL may drop readings), off without. */
    public static final ConfigKey MQTT_DELIVERY_CHECK = ConfigKey.bool("mqtt.delivery.check", -1);
    public static final ConfigKey MQTT_KEEPALIVE = ConfigKey.duration("mqtt.keepalive", 15000, 2000, 3600000);
    public static final ConfigKey MQTT_QOS = ConfigKey.number("mqtt.qos", 1, 0, 1);

    public static final ConfigKey PUBLISH_INTERVAL = ConfigKey.duration("publish.interval", 5000, 100, 3600000);
    public static final ConfigKey PAYLOAD_FORMAT = ConfigKey.choice("payload.format", "json", new String[] {"json", "text"});
    public static final ConfigKey BACKOFF_MIN = ConfigKey.duration("backoff.min", 1000, 100, 600000);
    public static final ConfigKey BACKOFF_MAX = ConfigKey.duration("backoff.max", 60000, 100, 3600000);
    /** 0 turns the reboot off. */
    public static final ConfigKey REBOOT_AFTER = ConfigKey.duration("reboot.after", 900000, 10000, 7 * 24 * 3600000L);
    /**
     * Always on: restart the board at a reading boundary after this long, before an evaluation VM's run-time limit stops
     * it; 0 = never. Unset: never in the simulator, {@link BoardConfig#BOARD_VM_RESTART_EVERY} on a board.
     */
    public static final ConfigKey VM_RESTART_EVERY = ConfigKey.durationByRuntime("vm.restart.every", 5000, 7 * 24 * 3600000L);
    public static final ConfigKey QUEUE_CAPACITY = ConfigKey.number("queue.capacity", 17280, 1, 1000000);
    /**
     * Once a mothership confirms what it stored, how long readings the broker has wait for its confirmation before the
     * pot trusts the broker's acknowledgement alone (a mothership gone for long).
     */
    public static final ConfigKey ACK_WAIT = ConfigKey.duration("ack.wait", 600000, 1000, 7 * 24 * 3600000L);

    /** always-on (the tutorial) or deep-sleep (on batteries: wake, read, publish every few readings, sleep). */
    public static final ConfigKey POWER_MODE = ConfigKey.choice("power.mode", "always-on", new String[] {"always-on", "deep-sleep"});
    /** In deep sleep: join the network and publish every this many readings (at once when the sensor's state changes). */
    public static final ConfigKey SLEEP_PUBLISH_EVERY = ConfigKey.number("sleep.publish.every", 4, 1, 1000);
    /** In deep sleep: publish at once when the moisture falls below this percent (and when it is back above); 0 = off. */
    public static final ConfigKey SLEEP_PUBLISH_DRY_BELOW = ConfigKey.number("sleep.publish.dry.below", 30, 0, 99);
    /** In deep sleep: how long a publishing wake stays connected after its readings went out, for commands. */
    public static final ConfigKey SLEEP_LISTEN = ConfigKey.duration("sleep.listen", 50, 10, 60000);
    /** For the energy report: the battery's capacity. */
    public static final ConfigKey BATTERY_CAPACITY_MAH = ConfigKey.number("battery.capacity.mah", 2500, 1, 1000000);
    /** The ADC1 pin the battery's voltage divider feeds; unset: no battery voltage (see {@link BatteryConfig}). */
    public static final ConfigKey BATTERY_ADC_PIN = ConfigKey.number("battery.adc.pin", -1, 0, 48);
    /** Battery voltage over pin voltage, a decimal such as 2 (two equal resistors). */
    public static final ConfigKey BATTERY_DIVIDER = ConfigKey.text("battery.divider", "2");
    /** The pin voltage, in mV, that reads full scale (4095): calibrates the ADC. */
    public static final ConfigKey BATTERY_ADC_FULL_SCALE_MV = ConfigKey.number("battery.adc.full_scale_mv", 3100, 500, 5000);
    /** Below this battery voltage the pot warns at each reading; 0 = never. */
    public static final ConfigKey BATTERY_LOW_MV = ConfigKey.number("battery.low.mv", 2400, 0, 60000);

    public static final ConfigKey SENSOR_ADC_BITS = ConfigKey.number("sensor.adc.bits", 12, 9, 12);
    public static final ConfigKey SENSOR_RAW_DRY = ConfigKey.number("sensor.raw.dry", 3200, 0, 4095);
    public static final ConfigKey SENSOR_RAW_WET = ConfigKey.number("sensor.raw.wet", 1400, 0, 4095);
    public static final ConfigKey SENSOR_SAMPLES = ConfigKey.number("sensor.samples", 7, 1, SensorConfig.MAX_SAMPLES);
    public static final ConfigKey SENSOR_SMOOTHING = ConfigKey.number("sensor.smoothing", 1, 1, SensorConfig.MAX_SMOOTHING);
    /** Default: derived from the dry and wet counts. */
    public static final ConfigKey SENSOR_RAW_MIN = ConfigKey.number("sensor.raw.min", MoistureScale.DERIVED, 0, 4095);
    /** Default: derived from the dry and wet counts. */
    public static final ConfigKey SENSOR_RAW_MAX = ConfigKey.number("sensor.raw.max", MoistureScale.DERIVED, 0, 4095);

    public static final ConfigKey HOMEASSISTANT_DISCOVERY = ConfigKey.bool("homeassistant.discovery", 1);
    public static final ConfigKey HOMEASSISTANT_PREFIX = ConfigKey.text("homeassistant.prefix", WireTopics.HOME_ASSISTANT_PREFIX);
    public static final ConfigKey HOMEASSISTANT_STATUS = ConfigKey.text("homeassistant.status", WireTopics.HOME_ASSISTANT_STATUS);

    /** The pot's own limits, whatever the mothership asks (see {@link SafetyConfig}). */
    public static final ConfigKey PUMP_MAX_RUN = ConfigKey.duration("pump.max.run", 30000, 1000, 600000);
    public static final ConfigKey WATER_BUDGET_HOUR = ConfigKey.number("water.budget.hour", 300, 1, 20000);
    public static final ConfigKey WATER_BUDGET_DAY = ConfigKey.number("water.budget.day", 1000, 1, 100000);
    public static final ConfigKey WATER_COOLDOWN = ConfigKey.duration("water.cooldown", 600000, 10000, 24 * 3600000L);
    public static final ConfigKey WATER_WET_ABOVE = ConfigKey.number("water.wet.above", 80, 1, 100);
    public static final ConfigKey COMMANDS_REBOOT_EVERY = ConfigKey.duration("commands.reboot.every", 600000, 10000, 7 * 24 * 3600000L);
    public static final ConfigKey COMMANDS_LIMIT_BURST = ConfigKey.number("commands.limit.burst", 5, 1, 100);
    public static final ConfigKey COMMANDS_LIMIT_EVERY = ConfigKey.duration("commands.limit.every", 60000, 1000, 24 * 3600000L);

    /** Read by the firmware and scripts/flash only: which board, and the sensor's pin. */
    public static final ConfigKey BOARD_NAME = ConfigKey.text("board.name", null);
    /** Default: the board's usual sensor pin, see {@link BoardConfig}. */
    public static final ConfigKey SENSOR_ADC_PIN = ConfigKey.number("sensor.adc.pin", -1, 0, 48);
    /** The GPIO that switches the pump's driver; unset: the board has no pump (see {@link PumpPins}). */
    public static final ConfigKey PUMP_PIN = ConfigKey.number("pump.pin", -1, 0, 48);
    /** The level that runs the pump: high (a MOSFET's gate) or low (a relay module with an active-low input). */
    public static final ConfigKey PUMP_ACTIVE_LEVEL = ConfigKey.choice("pump.active.level", "high", new String[] {"high", "low"});
    /** The pump's flow, measured: how many ml it pours in a minute; turns an amount of water into a run time. */
    public static final ConfigKey PUMP_FLOW = ConfigKey.number("pump.flow.ml_per_min", 1000, 10, 100000);

    private static final ConfigKey[] ALL = {
        DEVICE_NAME, WIFI_SSID, WIFI_PASSWORD, WIFI_JOIN_TIMEOUT, WIFI_IP, WIFI_NETMASK, WIFI_GATEWAY, WIFI_DNS,
        MQTT_BROKER, MQTT_USERNAME, MQTT_PASSWORD, MQTT_TOPIC_PUBLISH, MQTT_TOPIC_SUBSCRIBE, MQTT_TOPIC_STATUS,
        MQTT_TOPIC_COMMANDS, MQTT_TOPIC_REPLY, MQTT_TLS_CA, MQTT_TLS_CERT, MQTT_TLS_KEY, MQTT_TLS_VERIFY_HOSTNAME,
        MQTT_DELIVERY_CHECK, MQTT_KEEPALIVE, MQTT_QOS,
        PUBLISH_INTERVAL, PAYLOAD_FORMAT, BACKOFF_MIN, BACKOFF_MAX, REBOOT_AFTER, VM_RESTART_EVERY, QUEUE_CAPACITY, ACK_WAIT,
        POWER_MODE, SLEEP_PUBLISH_EVERY, SLEEP_PUBLISH_DRY_BELOW, SLEEP_LISTEN, BATTERY_CAPACITY_MAH,
        BATTERY_ADC_PIN, BATTERY_DIVIDER, BATTERY_ADC_FULL_SCALE_MV, BATTERY_LOW_MV,
        SENSOR_ADC_BITS, SENSOR_RAW_DRY, SENSOR_RAW_WET, SENSOR_SAMPLES, SENSOR_SMOOTHING, SENSOR_RAW_MIN, SENSOR_RAW_MAX,
        HOMEASSISTANT_DISCOVERY, HOMEASSISTANT_PREFIX, HOMEASSISTANT_STATUS,
        PUMP_MAX_RUN, WATER_BUDGET_HOUR, WATER_BUDGET_DAY, WATER_COOLDOWN, WATER_WET_ABOVE,
        COMMANDS_REBOOT_EVERY, COMMANDS_LIMIT_BURST, COMMANDS_LIMIT_EVERY,
        BOARD_NAME, SENSOR_ADC_PIN, PUMP_PIN, PUMP_ACTIVE_LEVEL, PUMP_FLOW,
    };

    private ConfigKeys() {
    }

    /** Every key (a copy), in the order the templates document them. */
    public static ConfigKey[] all() {
        ConfigKey[] copy = new ConfigKey[ALL.length];
        System.arraycopy(ALL, 0, copy, 0, ALL.length);
        return copy;
    }
}
