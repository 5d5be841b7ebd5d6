package dev.smartpot.simulator.kit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import dev.smartpot.device.PotNode;
import dev.smartpot.device.board.SettingsStore;
import dev.smartpot.device.config.ConfigException;
import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.simulator.SimulatedPot;
import dev.smartpot.simulator.board.FakeWlan;
import dev.smartpot.simulator.board.PotMemory;
import dev.smartpot.simulator.board.SimulatorConfig;
import dev.smartpot.testkit.PotId;

/** A simulated pot run in-process on its simulated board, with its console captured; made by {@link GivenPot}. */
public final class RunningPot implements PotId, AutoCloseable {

    private final List<String> console = new ArrayList<>();
    private final SimulatedPot pot;

    private RunningPot(DeviceConfig device, SimulatorConfig world, SettingsStore settings, PotMemory memory) {
        pot = new SimulatedPot(device, world, line -> {
            synchronized (console) {
                console.add(line);
            }
        }, settings, memory);
    }

    static RunningPot start(String config, SettingsStore settings, PotMemory memory) {
        ConfigReader reader = new ConfigReader(ConfigSource.parse(config, "it.properties"));
        DeviceConfig device = DeviceConfig.read(reader);
        SimulatorConfig world = SimulatorConfig.read(reader, device);
        try {
            reader.finish();
        } catch (ConfigException e) {
            throw new IllegalArgumentException("the test pot's config has problems: " + e.problems(), e);
        }
        RunningPot running = new RunningPot(device, world, settings, memory);
        running.pot.start();
        return running;
    }

    @Override
    public String clientId() {
        return pot.clientId();
    }

    /** The running core (its state, counters and status); null before the first boot. */
    public PotNode node() {
        return pot.node();
    }

    /** The board's access point, to switch off and on. */
    public FakeWlan wlan() {
        return pot.wlan();
    }

    public SimulatedPot simulated() {
        return pot;
    }

    public int boots() {
        return pot.boots();
    }

    public boolean isRunning() {
        return pot.isRunning();
    }

    /** Waits until the core has booted, and returns it. */
    public PotNode awaitNode() {
        Awaitility.await("the pot booted").atMost(Duration.ofSeconds(10)).until(() -> pot.node() != null);
        return pot.node();
    }

    public String console() {
        synchronized (console) {
            return String.join("\n", console);
        }
    }

    /** Waits for a line of the device log; for the tutorial's lines, whose wording is the behaviour. */
    public void awaitLog(String fragment, Duration atMost) {
        try {
            Awaitility.await("device log to show: " + fragment).atMost(atMost).until(() -> console().contains(fragment));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the device log never showed: " + fragment + "\n--- device log ---\n" + console(), e);
        }
    }

    /** Waits until the pot is online (connected, subscribed, status published). */
    public void awaitOnline(Duration atMost) {
        try {
            Awaitility.await(clientId() + " online").atMost(atMost)
                    .until(() -> pot.node() != null && pot.node().state() == PotNode.ONLINE);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(clientId() + " never came online\n--- device log ---\n" + console(), e);
        }
    }

    /** Waits until the broker has acknowledged {@code n} readings of this pot. */
    public void awaitPublished(long n, Duration atMost) {
        try {
            Awaitility.await(clientId() + " published " + n).atMost(atMost)
                    .until(() -> pot.node() != null && pot.node().publishedReadings() >= n);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(clientId() + " did not publish " + n + " readings\n--- device log ---\n" + console(), e);
        }
    }

    @Override
    public void close() {
        pot.stop();
    }
}
