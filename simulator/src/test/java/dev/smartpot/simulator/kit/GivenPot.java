package dev.smartpot.simulator.kit;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.board.SettingsStore;
import dev.smartpot.simulator.board.PotMemory;
import dev.smartpot.testkit.Mosquitto;
import dev.smartpot.testkit.TcpProxy;

/**
 * The fluent way a test makes a simulated pot: {@code givenPot().with("mqtt.qos", "0").on(broker)}. The pot starts
 * with quick settings (a reading every 300 ms, retries within a second) so a test sees many readings and
 * recoveries in seconds; every {@code with} is a line of its config file on top of them.
 */
public final class GivenPot {

    /** Short interval and quick retries so a test sees many readings and recoveries in seconds. */
    public static final String FAST = String.join("\n",
            "wifi.ssid = TestNet",
            "wifi.password = test-password",
            "publish.interval = 300ms",
            "backoff.min = 200ms",
            "backoff.max = 1s",
            "mqtt.keepalive = 3s",
            "sim.wifi.join.delay = 20ms",
            "sim.seed = it-pot",
            "");

    private final Map<String, String> keys = new LinkedHashMap<>();
    private final StringBuilder text = new StringBuilder();
    private SettingsStore settings = new MemorySettingsStore();
    private PotMemory memory = PotMemory.inRam();

    private GivenPot() {
    }

    public static GivenPot givenPot() {
        return new GivenPot();
    }

    /** One config key on top of the quick defaults. */
    public GivenPot with(String key, String value) {
        keys.put(key, value);
        return this;
    }

    /** Config file text (several {@code key = value} lines, e.g. a settings file a script wrote). */
    public GivenPot withConfig(String properties) {
        text.append(properties).append('\n');
        return this;
    }

    /** Keeps the settings commands change in {@code store} (a file, to survive a restart of the pot). */
    public GivenPot keepingSettingsIn(SettingsStore store) {
        this.settings = store;
        return this;
    }

    /** Keeps RTC memory and the flash mark in {@code kept} (beside a config file, to survive a restart of the pot). */
    public GivenPot keepingMemoryIn(PotMemory kept) {
        this.memory = kept;
        return this;
    }

    public RunningPot on(Mosquitto broker) {
        return on(broker.uri());
    }

    public RunningPot on(TcpProxy proxy) {
        return on(proxy.uri());
    }

    /** Starts the pot on {@code brokerUri} (or a list of brokers, as mqtt.broker takes them). */
    public RunningPot on(String brokerUri) {
        StringBuilder config = new StringBuilder(FAST).append("mqtt.broker = ").append(brokerUri).append('\n').append(text);
        keys.forEach((k, v) -> config.append(k).append(" = ").append(v).append('\n'));
        return RunningPot.start(config.toString(), settings, memory);
    }
}
