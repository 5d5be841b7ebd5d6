package dev.smartpot.simulator.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;

import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.board.SettingsStore;
import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.simulator.SimulatedPot;
import dev.smartpot.simulator.SimulatorConfig;

/** A simulated pot run in-process against a broker, with its console captured. */
public final class PotUnderTest implements AutoCloseable {

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

    private final List<String> console = new ArrayList<>();
    public final SimulatedPot pot;

    public PotUnderTest(String brokerUri, String extraProperties) throws Exception {
        this(brokerUri, extraProperties, new MemorySettingsStore());
    }

    /** A pot that keeps the settings commands change in {@code settings} (a file, to survive a restart). */
    public PotUnderTest(String brokerUri, String extraProperties, SettingsStore settings) throws Exception {
        ConfigSource source = ConfigSource.parse(FAST + "mqtt.broker = " + brokerUri + "\n" + extraProperties, "it.properties");
        ConfigReader reader = new ConfigReader(source);
        DeviceConfig device = DeviceConfig.read(reader);
        SimulatorConfig world = SimulatorConfig.read(reader, device);
        reader.finish();
        pot = new SimulatedPot(device, world, line -> {
            synchronized (console) {
                console.add(line);
            }
        }, settings);
        pot.start();
    }

    public String clientId() {
        return pot.clientId();
    }

    public String console() {
        synchronized (console) {
            return String.join("\n", console);
        }
    }

    public void awaitLog(String fragment, Duration atMost) {
        try {
            Awaitility.await("device log to show: " + fragment).atMost(atMost).until(() -> console().contains(fragment));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the device log never showed: " + fragment + "\n--- device log ---\n" + console(), e);
        }
    }

    @Override
    public void close() {
        pot.stop();
    }
}
