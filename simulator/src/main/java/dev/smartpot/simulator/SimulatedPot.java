package dev.smartpot.simulator;

import java.util.function.Consumer;

import dev.smartpot.device.PotNode;
import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.board.SettingsStore;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.simulator.board.ConsoleLog;
import dev.smartpot.simulator.board.FakeWlan;
import dev.smartpot.simulator.board.MonitorSleeper;
import dev.smartpot.simulator.board.SimulatedBoard;
import dev.smartpot.simulator.board.SoilModelAdc;
import dev.smartpot.simulator.board.TimedPump;
import dev.smartpot.simulator.mqtt.PahoMqttTransport;

/**
 * One simulated pot: the desktop parts wired to the real core, on a thread of its own. This is the
 * simulator's composition root for a device. The world (access point, soil) outlives a reboot; the
 * device's memory (sequence counter, queue) does not, as on a board.
 */
public final class SimulatedPot {

    private final DeviceConfig config;
    private final SimulatedBoard board;
    private final Thread thread;
    private volatile PotNode node;
    private volatile boolean rebootRequested;
    private volatile boolean closed;
    private volatile int boots;

    public SimulatedPot(DeviceConfig config, SimulatorConfig world, Consumer<String> console) {
        this(config, world, console, new MemorySettingsStore());
    }

    /** @param settingsStore where commands' settings are kept across reboots (a file for a restartable simulator) */
    public SimulatedPot(DeviceConfig config, SimulatorConfig world, Consumer<String> console, SettingsStore settingsStore) {
        this.config = config;
        this.board = SimulatedBoard.single(config, world)
                .log(clientId -> new ConsoleLog(clientId, console))
                .settingsStore(settingsStore)
                .build();
        this.thread = new Thread(this::runBoots, "pot-" + board.clientId());
    }

    public void start() {
        thread.start();
    }

    private void runBoots() {
        FakeWlan wlan = board.wlan();
        while (!closed) {
            MonitorSleeper sleeper = new MonitorSleeper();
            PahoMqttTransport transport = new PahoMqttTransport();
            wlan.onChange(() -> {
                if (!wlan.isAccessPointOn()) {
                    // The radio is gone: so is every connection over it, without a goodbye.
                    transport.severLink();
                }
                sleeper.wake();
            });
            rebootRequested = false;
            PotNode current = new PotNode(config, board.boot(sleeper, reason -> {
                board.log().warn("rebooting (simulated): the device restarts in place, its queue is lost");
                rebootRequested = true;
            }), transport);
            node = current;
            boots++;
            if (closed) {
                break;
            }
            current.run();
            if (!rebootRequested) {
                break;
            }
        }
    }
    /** Stops the device (it says "offline" and disconnects) and waits for its thread. */
    public void stop() {
        closed = true;
        PotNode current = node;
        if (current != null) {
            current.requestStop();
        }
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String clientId() {
        return board.clientId();
    }

    public FakeWlan wlan() {
        return board.wlan();
    }

    public SoilModelAdc soil() {
        return board.soil();
    }

    public TimedPump pump() {
        return board.pump();
    }

    /** The running device; null before the first boot. */
    public PotNode node() {
        return node;
    }

    public int boots() {
        return boots;
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    public void logInfo(String message) {
        board.log().info(message);
    }
}
