package dev.smartpot.simulator;

import java.util.function.Consumer;

import dev.smartpot.device.ClientIds;
import dev.smartpot.device.PotNode;
import dev.smartpot.device.board.Board;
import dev.smartpot.device.board.ChipId;
import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.board.SettingsStore;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.simulator.board.ConsoleLog;
import dev.smartpot.simulator.board.DesktopFixHints;
import dev.smartpot.simulator.board.FakeChipId;
import dev.smartpot.simulator.board.FakeWlan;
import dev.smartpot.simulator.board.MonitorSleeper;
import dev.smartpot.simulator.board.SoilModelAdc;
import dev.smartpot.simulator.board.SystemClock;
import dev.smartpot.simulator.board.TimedPump;
import dev.smartpot.simulator.mqtt.PahoMqttTransport;

/**
 * One simulated pot: the desktop parts wired to the real core, on a thread of its own. This is the
 * simulator's composition root for a device. The world (access point, soil) outlives a reboot; the
 * device's memory (sequence counter, queue) does not, as on a board.
 */
public final class SimulatedPot {

    private final DeviceConfig config;
    private final SimulatorConfig world;
    private final ChipId chipId;
    private final String clientId;
    private final FakeWlan wlan;
    private final SoilModelAdc soil;
    private final TimedPump pump;
    private final ConsoleLog log;
    private final SettingsStore settingsStore;
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
        this.settingsStore = settingsStore;
        this.world = world;
        this.chipId = world.chipId != null ? FakeChipId.of(world.chipId) : FakeChipId.fromSeed(world.seed);
        this.clientId = ClientIds.fromChipId(chipId.uniqueId());
        this.log = new ConsoleLog(clientId, console);
        this.wlan = new FakeWlan(world.accessPointSsid, world.accessPointPassword, world.wifiJoinDelayMillis);
        this.soil = new SoilModelAdc(new SystemClock(false), world.seed.hashCode(), config.rawDry, config.rawWet,
                world.soilMoisturePercent, world.soilDryingPercentPerHour, world.sensorNoiseCounts, world.sensorSpikeFraction);
        this.pump = new TimedPump(soil);
        this.thread = new Thread(this::runBoots, "pot-" + clientId);
    }

    public void start() {
        thread.start();
    }

    private void runBoots() {
        while (!closed) {
            MonitorSleeper sleeper = new MonitorSleeper();
            PahoMqttTransport transport = new PahoMqttTransport();
            wlan.leave();
            wlan.onChange(() -> {
                if (!wlan.isAccessPointOn()) {
                    // The radio is gone: so is every connection over it, without a goodbye.
                    transport.severLink();
                }
                sleeper.wake();
            });
            Board board = Board.builder()
                    .wifi(wlan)
                    .soilSensor(soil)
                    .chipId(chipId)
                    .clock(new SystemClock(world.knowsTime))
                    .sleeper(sleeper)
                    .log(log)
                    .fixHints(DesktopFixHints.INSTANCE)
                    .rebooter(reason -> {
                        log.warn("rebooting (simulated): the device restarts in place, its queue is lost");
                        rebootRequested = true;
                    })
                    .settingsStore(settingsStore)
                    .pump(pump)
                    .build();
            rebootRequested = false;
            PotNode current = new PotNode(config, board, transport);
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
        return clientId;
    }

    public FakeWlan wlan() {
        return wlan;
    }

    public SoilModelAdc soil() {
        return soil;
    }

    public TimedPump pump() {
        return pump;
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
        log.info(message);
    }
}
