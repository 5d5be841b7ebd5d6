package dev.smartpot.simulator;

import java.util.function.Consumer;

import dev.smartpot.device.PotNode;
import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.board.SettingLabels;
import dev.smartpot.device.board.SettingsStore;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.host.broker.MoquetteConnectBarrier;
import dev.smartpot.simulator.board.BoardTime;
import dev.smartpot.simulator.board.ConsoleLog;
import dev.smartpot.simulator.board.EvaluationVm;
import dev.smartpot.simulator.board.FakeWlan;
import dev.smartpot.simulator.board.MonitorSleeper;
import dev.smartpot.simulator.board.PotMemory;
import dev.smartpot.simulator.board.SimulatedBoard;
import dev.smartpot.simulator.board.SimulatorConfig;
import dev.smartpot.simulator.board.SoilModelAdc;
import dev.smartpot.simulator.board.TimedPump;
import dev.smartpot.simulator.lifecycle.PotLifecycle;
import dev.smartpot.simulator.mqtt.HiveMqttTransport;
import dev.smartpot.simulator.mqtt.PahoMqttTransport;

/**
 * One simulated pot: the desktop parts wired to the real core, on a thread of its own. This is the simulator's
 * composition root for a device. Its lifecycle (boot, reboot, power cut, deep sleep, what RTC memory keeps) is the
 * fleet's too, {@link PotLifecycle}; here a thread runs each boot's core and waits each deep sleep.
 */
public final class SimulatedPot {

    /** Makes the link of one boot to the broker. */
    public interface RadioLinks {
        /** The desktop's MQTT clients: HiveMQ's for a pot in deep sleep, Paho's for one always on. */
        RadioLinks DESKTOP = deepSleep -> deepSleep ? new HiveMqttTransport() : new PahoMqttTransport();

        /** @param deepSleep whether the boot is a deep-sleep wake */
        MqttTransport forBoot(boolean deepSleep);
    }

    private final SimulatorConfig world;
    private final BoardTime time;
    private final RadioLinks radioLinks;
    private final SimulatedBoard board;
    private final PotLifecycle life;
    private final Thread thread;
    private final Object sleepLock = new Object();
    /** How the running boot's loop waits: a line typed at the console wakes it. */
    private volatile MonitorSleeper sleeper;
    /** Between two wakes of a pot in deep sleep: nothing runs until the next wake. */
    private volatile boolean asleep;
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
        this(config, world, console, settingsStore, memory, labels, BoardTime.HOST, RadioLinks.DESKTOP);
    }

    /**
     * @param time what the board's clocks read and its sleeps pass on: the host's, or a test's manual time
     * @param radioLinks each boot's link to the broker
     */
    public SimulatedPot(DeviceConfig config, SimulatorConfig world, Consumer<String> console, SettingsStore settingsStore,
            PotMemory memory, SettingLabels labels, BoardTime time, RadioLinks radioLinks) {
        this.world = world;
        this.time = time;
        this.radioLinks = radioLinks;
        this.board = SimulatedBoard.single(config, world, time)
                .log(clientId -> new ConsoleLog(clientId, console))
                .settingsStore(settingsStore)
                .settingLabels(labels)
                .memory(memory)
                .build();
        this.life = new PotLifecycle(config, board, world.sleepSpeedup);
        this.thread = new Thread(this::runBoots, "pot-" + board.clientId());
    }

    public void start() {
        thread.start();
    }

    private void runBoots() {
        life.loadFromLastRun();
        FakeWlan wlan = board.wlan();
        boots:
        while (!life.isClosed()) {
            MonitorSleeper sleeper = new MonitorSleeper(time);
            this.sleeper = sleeper;
            // Every boot (a restart, a deep-sleep wake) is a new VM: its run-time limit counts from now.
            EvaluationVm vm = new EvaluationVm(world.vmLimitMillis, time);
            // In deep sleep, HiveMQ's client: it connects without Paho's ~300 ms of thread start-up (field notes), so a
            // wake's measured time is the broker's and the core's, not the desktop library's.
            MqttTransport link = radioLinks.forBoot(board.sleepsDeeply());
            wlan.onChange(() -> {
                if (!wlan.isAccessPointOn()) {
                    // The radio is gone: so is every connection over it, without a goodbye.
                    PotLifecycle.sever(link);
                }
                sleeper.wake();
            });
            PotNode current = life.boot(vm.guard(sleeper), vm.guard(new MoquetteConnectBarrier(link)), link, vm);
            if (life.isClosed()) {
                break;
            }
            try {
                current.run();
            } catch (EvaluationVm.Stopped stopped) {
                lieDead(link);
                break;
            }
            switch (life.afterBoot()) {
                case SLEEP -> sleepDeeply();
                case BOOT -> { }
                case STOP -> {
                    break boots;
                }
            }
        }
        life.keepForNextRun();
    }

    /** The VM stopped at sim.vm.limit: the link drops without a goodbye, the log says why, nothing runs until the end. */
    private void lieDead(MqttTransport link) {
        vmStopped = true;
        PotLifecycle.sever(link);
        board.log().error(EvaluationVm.deathNotice(world.vmLimitMillis));
        waitUntil(Long.MAX_VALUE);
    }

    /** The board is off but for its RTC: wait the sleep (shortened by sim.sleep.speedup) unless the simulator stops. */
    private void sleepDeeply() {
        long real = life.realSleepMillis();
        long until = time.monotonicMillis() + real;
        asleep = true;
        try {
            waitUntil(until);
        } finally {
            asleep = false;
        }
        if (!life.isClosed()) {
            // A stop during the sleep ends it with no wake; a power cut ends it with a boot.
            life.endSleep(real);
        }
    }

    /**
     * Waits until {@code until} on the board's time (forever: Long.MAX_VALUE), or until the simulator stops or (in a deep
     * sleep) the power is cut.
     */
    private void waitUntil(long until) {
        synchronized (sleepLock) {
            while (!life.isClosed() && !life.powerCutWhileAsleep()) {
                long left = until == Long.MAX_VALUE ? Long.MAX_VALUE : until - time.monotonicMillis();
                if (left <= 0) {
                    return;
                }
                try {
                    time.waitOn(sleepLock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Hands a line to the core's console, to run through the same command path as the mothership's. */
    public TypedLine typeCommand(String line) {
        PotNode node = life.node();
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
        life.cutPower();
        synchronized (sleepLock) {
            // A pot in deep sleep starts at once: the RTC timer went with the power.
            sleepLock.notifyAll();
        }
    }

    /** Stops the device (it says "offline" and disconnects) and waits for its thread (unless called on it). */
    public void stop() {
        life.close();
        synchronized (sleepLock) {
            sleepLock.notifyAll();
        }
        if (Thread.currentThread() == thread) {
            return;
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
        return life.node();
    }

    public int boots() {
        return life.boots();
    }

    /** Wakes from deep sleep so far. */
    public int wakes() {
        return life.wakes();
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
