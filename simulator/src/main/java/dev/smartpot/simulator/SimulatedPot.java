package dev.smartpot.simulator;

import java.util.function.Consumer;

import dev.smartpot.device.ClientIds;
import dev.smartpot.device.PotNode;
import dev.smartpot.device.board.Board;
import dev.smartpot.device.board.ChipId;
import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.board.SettingsStore;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.simulator.board.ConsoleLog;
import dev.smartpot.simulator.board.DeepSleepClock;
import dev.smartpot.simulator.board.DesktopFixHints;
import dev.smartpot.simulator.board.FakeChipId;
import dev.smartpot.simulator.board.FakeWlan;
import dev.smartpot.simulator.board.MonitorSleeper;
import dev.smartpot.simulator.board.PotMemory;
import dev.smartpot.simulator.board.SoilModelAdc;
import dev.smartpot.simulator.board.SystemClock;
import dev.smartpot.simulator.mqtt.HiveMqttTransport;
import dev.smartpot.simulator.mqtt.PahoMqttTransport;

/**
 * One simulated pot: the desktop parts wired to the real core, on a thread of its own. This is the
 * simulator's composition root for a device. The world (access point, soil) outlives a reboot, and so does what
 * the board keeps in RTC memory (queue, sequence counter, boot counter, see {@link PotMemory}); a simulated power
 * cut loses that memory, as on a board.
 */
public final class SimulatedPot {

    private final DeviceConfig config;
    private final SimulatorConfig world;
    private final ChipId chipId;
    private final String clientId;
    private final FakeWlan wlan;
    private final SoilModelAdc soil;
    private final ConsoleLog log;
    private final SettingsStore settingsStore;
    private final PotMemory memory;
    private final Thread thread;
    private volatile PotNode node;
    private volatile boolean rebootRequested;
    private volatile boolean powerCutRequested;
    /** How long the core asked to sleep at the end of its wake; 0 when it did not. */
    private volatile long deepSleepMillis;
    private volatile int wakes;
    private final Object sleepLock = new Object();
    private volatile MqttTransport transport;
    private volatile boolean closed;
    private volatile int boots;

    public SimulatedPot(DeviceConfig config, SimulatorConfig world, Consumer<String> console) {
        this(config, world, console, new MemorySettingsStore());
    }

    /** @param settingsStore where commands' settings are kept across reboots (a file for a restartable simulator) */
    public SimulatedPot(DeviceConfig config, SimulatorConfig world, Consumer<String> console, SettingsStore settingsStore) {
        this(config, world, console, settingsStore, PotMemory.inRam());
    }

    /** @param memory RTC memory and flash mark, kept across reboots (and, beside the config, across runs) */
    public SimulatedPot(DeviceConfig config, SimulatorConfig world, Consumer<String> console, SettingsStore settingsStore,
            PotMemory memory) {
        this.config = config;
        this.memory = memory;
        this.settingsStore = settingsStore;
        this.world = world;
        this.chipId = world.chipId != null ? FakeChipId.of(world.chipId) : FakeChipId.fromSeed(world.seed);
        this.clientId = ClientIds.fromChipId(chipId.uniqueId());
        this.log = new ConsoleLog(clientId, console);
        this.wlan = new FakeWlan(world.accessPointSsid, world.accessPointPassword, world.wifiJoinDelayMillis);
        this.soil = new SoilModelAdc(new SystemClock(false), world.seed.hashCode(), config.rawDry, config.rawWet,
                world.soilMoisturePercent, world.soilDryingPercentPerHour, world.sensorNoiseCounts, world.sensorSpikeFraction);
        this.thread = new Thread(this::runBoots, "pot-" + clientId);
    }

    public void start() {
        thread.start();
    }

    private void runBoots() {
        try {
            memory.loadFromLastRun();
        } catch (java.io.IOException e) {
            log.warn("readings kept by the last run could not be read (" + e.getMessage() + "); starting afresh");
        }
        // In deep sleep the pot's clock runs on across wakes, as the RTC timer does; each reboot gets a new one.
        DeepSleepClock sleepClock = new DeepSleepClock(world.knowsTime);
        while (!closed) {
            MonitorSleeper sleeper = new MonitorSleeper();
            // In deep sleep, HiveMQ's client: it connects without Paho's ~300 ms of thread start-up (field notes), so a
            // wake's measured time is the broker's and the core's, not the desktop library's.
            MqttTransport transport = config.deepSleep ? new HiveMqttTransport() : new PahoMqttTransport();
            this.transport = transport;
            wlan.leave();
            wlan.onChange(() -> {
                if (!wlan.isAccessPointOn()) {
                    // The radio is gone: so is every connection over it, without a goodbye.
                    sever(transport);
                }
                sleeper.wake();
            });
            Board board = Board.builder()
                    .wifi(wlan)
                    .soilSensor(soil)
                    .chipId(chipId)
                    .clock(config.deepSleep ? sleepClock : new SystemClock(world.knowsTime))
                    .deepSleep(millis -> deepSleepMillis = millis)
                    .sleeper(sleeper)
                    .log(log)
                    .fixHints(DesktopFixHints.INSTANCE)
                    .rebooter(reason -> {
                        log.warn("rebooting (simulated): the device restarts in place, its queue kept in RTC memory");
                        rebootRequested = true;
                    })
                    .settingsStore(settingsStore)
                    .retainedMemory(memory.rtc())
                    .markStore(memory.mark())
                    .pump(soil::water)
                    .build();
            rebootRequested = false;
            boolean wake = deepSleepMillis > 0;
            deepSleepMillis = 0;
            PotNode current = new PotNode(config, board, transport);
            node = current;
            if (!wake) {
                boots++;
            }
            if (closed) {
                break;
            }
            current.run();
            if (powerCutRequested) {
                powerCutRequested = false;
                memory.powerCut();
                log.warn("power cut (simulated): RTC memory lost; the device starts again");
                continue;
            }
            if (deepSleepMillis > 0 && !closed) {
                sleepDeeply(sleepClock, deepSleepMillis);
                continue;
            }
            if (!rebootRequested) {
                break;
            }
        }
        keepForNextRun();
    }

    /** The board is off but for its RTC: wait the sleep (shortened by sim.sleep.speedup) unless the simulator stops. */
    private void sleepDeeply(DeepSleepClock clock, long millis) {
        long real = millis / world.sleepSpeedup;
        long until = System.nanoTime() + real * 1_000_000L;
        synchronized (sleepLock) {
            long left;
            while (!closed && (left = (until - System.nanoTime()) / 1_000_000L) > 0) {
                try {
                    sleepLock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        clock.skip(millis - real);
        wakes++;
    }

    private void keepForNextRun() {
        PotNode last = node;
        if (memory.rtcFile() == null || last == null) {
            return;
        }
        try {
            memory.keepForNextRun();
            if (last.queuedReadings() > 0) {
                log.info("kept " + last.queuedReadings() + " queued readings in " + memory.rtcFile()
                        + " for the next run of this pot");
            }
        } catch (java.io.IOException e) {
            log.warn("queued readings could not be kept for the next run (" + e.getMessage() + ")");
        }
    }

    /** The radio is gone: so is the connection, without a goodbye (the HiveMQ link is noticed by the WiFi check). */
    private static void sever(MqttTransport transport) {
        if (transport instanceof PahoMqttTransport paho) {
            paho.severLink();
        } else {
            transport.disconnect();
        }
    }

    /** Restarts the simulated board as a software reset would: RTC memory keeps the queue. */
    public void reboot() {
        PotNode current = node;
        if (current != null) {
            rebootRequested = true;
            current.requestStop();
        }
    }

    /**
     * Cuts the simulated power: the link drops without a goodbye and RTC memory is lost (the flash mark stays); the
     * device then boots again.
     */
    public void powerCut() {
        PotNode current = node;
        MqttTransport link = transport;
        if (current == null || link == null) {
            return;
        }
        powerCutRequested = true;
        sever(link);
        current.requestStop();
    }

    /** Stops the device (it says "offline" and disconnects) and waits for its thread. */
    public void stop() {
        closed = true;
        synchronized (sleepLock) {
            sleepLock.notifyAll();
        }
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

    /** The running device; null before the first boot. */
    public PotNode node() {
        return node;
    }

    public int boots() {
        return boots;
    }

    /** Wakes from deep sleep so far. */
    public int wakes() {
        return wakes;
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    public void logInfo(String message) {
        log.info(message);
    }
}
