package dev.smartpot.simulator;

import java.io.IOException;
import java.util.function.Consumer;

import dev.smartpot.device.PotNode;
import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.board.SettingLabels;
import dev.smartpot.device.board.SettingsStore;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.host.broker.MoquetteConnectBarrier;
import dev.smartpot.simulator.board.ConsoleLog;
import dev.smartpot.simulator.board.EvaluationVm;
import dev.smartpot.simulator.board.FakeWlan;
import dev.smartpot.simulator.board.MonitorSleeper;
import dev.smartpot.simulator.board.PotMemory;
import dev.smartpot.simulator.board.SimulatedBoard;
import dev.smartpot.simulator.board.SimulatorConfig;
import dev.smartpot.simulator.board.SoilModelAdc;
import dev.smartpot.simulator.board.TimedPump;
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
    private final SimulatedBoard board;
    private final PotMemory memory;
    private final Thread thread;
    private final Object sleepLock = new Object();
    private volatile PotNode node;
    private volatile MqttTransport transport;
    /** How the running boot's loop waits: a line typed at the console wakes it. */
    private volatile MonitorSleeper sleeper;
    /** Between two wakes of a pot in deep sleep: nothing runs until the next wake. */
    private volatile boolean asleep;
    private volatile boolean rebootRequested;
    private volatile boolean powerCutRequested;
    /** How long the core asked to sleep at the end of its wake; 0 when it did not. */
    private volatile long deepSleepMillis;
    private volatile boolean closed;
    private volatile int boots;
    private volatile int wakes;
    /** Set when the pot's VM reached sim.vm.limit: the pot lies dead until the simulator stops. */
    private volatile boolean vmStopped;

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
        this(config, world, console, settingsStore, memory, null);
    }

    /** @param labels where its settings come from in the user's words (flags, file, saved file); null: the core's */
    public SimulatedPot(DeviceConfig config, SimulatorConfig world, Consumer<String> console, SettingsStore settingsStore,
            PotMemory memory, SettingLabels labels) {
        this.config = config;
        this.world = world;
        this.memory = memory;
        this.board = SimulatedBoard.single(config, world)
                .log(clientId -> new ConsoleLog(clientId, console))
                .settingsStore(settingsStore)
                .settingLabels(labels)
                .memory(memory)
                .build();
        this.thread = new Thread(this::runBoots, "pot-" + board.clientId());
    }

    public void start() {
        thread.start();
    }

    private void runBoots() {
        try {
            memory.loadFromLastRun();
        } catch (IOException e) {
            board.log().warn("readings kept by the last run could not be read (" + e.getMessage() + "); starting afresh");
        }
        FakeWlan wlan = board.wlan();
        while (!closed) {
            MonitorSleeper sleeper = new MonitorSleeper();
            this.sleeper = sleeper;
            // Every boot (a restart, a deep-sleep wake) is a new VM: its run-time limit counts from now.
            EvaluationVm vm = new EvaluationVm(world.vmLimitMillis);
            // In deep sleep, HiveMQ's client: it connects without Paho's ~300 ms of thread start-up (field notes), so a
            // wake's measured time is the broker's and the core's, not the desktop library's.
            MqttTransport link = board.sleepsDeeply() ? new HiveMqttTransport() : new PahoMqttTransport();
            this.transport = link;
            wlan.onChange(() -> {
                if (!wlan.isAccessPointOn()) {
                    // The radio is gone: so is every connection over it, without a goodbye.
                    sever(link);
                }
                sleeper.wake();
            });
            rebootRequested = false;
            boolean wake = deepSleepMillis > 0;
            deepSleepMillis = 0;
            PotNode current = new PotNode(config, board.boot(vm.guard(sleeper), reason -> {
                board.log().warn("rebooting (simulated): the device restarts in place, its queue kept in RTC memory");
                rebootRequested = true;
            }, millis -> {
                // ESP-IDF's sleep guide: stop WiFi (esp_wifi_stop) before esp_deep_sleep_start, as the firmware does.
                wlan.stopRadio();
                deepSleepMillis = millis;
            }, vm), vm.guard(new MoquetteConnectBarrier(link)));
            node = current;
            if (!wake) {
                boots++;
            }
            if (closed) {
                break;
            }
            try {
                current.run();
            } catch (EvaluationVm.Stopped stopped) {
                lieDead(link);
                break;
            }
            if (powerCutRequested) {
                powerCutRequested = false;
                memory.powerCut();
                board.log().warn("power cut (simulated): RTC memory lost; the device starts again");
                continue;
            }
            if (deepSleepMillis > 0 && !closed) {
                sleepDeeply(deepSleepMillis);
                continue;
            }
            if (!rebootRequested) {
                break;
            }
        }
        keepForNextRun();
    }

    /** The VM stopped at sim.vm.limit: the link drops without a goodbye, the log says why, nothing runs until the end. */
    private void lieDead(MqttTransport link) {
        vmStopped = true;
        sever(link);
        board.log().error(EvaluationVm.deathNotice(world.vmLimitMillis));
        waitUntil(Long.MAX_VALUE);
    }

    /** The board is off but for its RTC: wait the sleep (shortened by sim.sleep.speedup) unless the simulator stops. */
    private void sleepDeeply(long millis) {
        long real = millis / world.sleepSpeedup;
        long until = System.nanoTime() + real * 1_000_000L;
        asleep = true;
        try {
            waitUntil(until);
        } finally {
            asleep = false;
        }
        board.sleptFor(millis, real);
        wakes++;
    }

    /** Waits until {@code until} on System.nanoTime (forever: Long.MAX_VALUE), or until the simulator stops. */
    private void waitUntil(long until) {
        synchronized (sleepLock) {
            long left;
            while (!closed && (left = until == Long.MAX_VALUE ? Long.MAX_VALUE : (until - System.nanoTime()) / 1_000_000L) > 0) {
                try {
                    sleepLock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void keepForNextRun() {
        PotNode last = node;
        if (last != null) {
            memory.keepForNextRun(last.queuedReadings(), board.log());
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


    /** Hands a line to the core's console, to run through the same command path as the mothership's. */
    public TypedLine typeCommand(String line) {
        if (node != null && !thread.isAlive()) {
            return TypedLine.NOT_RUNNING;
        }
        if (!board.console().offer(line)) {
            return TypedLine.BACKLOG_FULL;
        }
        MonitorSleeper current = sleeper;
        if (current != null) {
            current.wake();
        }
        return node == null ? TypedLine.RUNS_AFTER_BOOT : asleep ? TypedLine.RUNS_AT_WAKE : TypedLine.RUNS_NOW;
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

    /** Wakes from deep sleep so far. */
    public int wakes() {
        return wakes;
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    /** True once the pot's VM reached sim.vm.limit and stopped dead. */
    public boolean vmStopped() {
        return vmStopped;
    }

    public void logInfo(String message) {
        board.log().info(message);
    }
}
