package dev.smartpot.simulator.lifecycle;

import java.io.IOException;

import dev.smartpot.device.PotNode;
import dev.smartpot.device.board.Sleeper;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.mqtt.MqttTransport;
import dev.smartpot.simulator.board.EvaluationVm;
import dev.smartpot.simulator.board.PotMemory;
import dev.smartpot.simulator.board.SimulatedBoard;
import dev.smartpot.simulator.mqtt.PahoMqttTransport;

/**
 * The one lifecycle of a simulated pot, whichever runtime drives it (a thread of its own, or a fleet's scheduled
 * ticks): what a boot builds, what a reboot, a power cut and a deep sleep leave behind, and what the board's RTC memory
 * keeps ({@link PotMemory}: queue, sequence counter, boot counter; a power cut loses it). The runtime only decides how
 * the core's loop and the sleep between two wakes are waited: it boots, runs or ticks the core, then asks
 * {@link #afterBoot()} what comes next.
 */
public final class PotLifecycle {

    /** What comes after a boot's core has stopped. */
    public enum Next {
        /** The pot is off: the simulator stops it. */
        STOP,
        /** Boot again at once (a reboot, or a power cut's return). */
        BOOT,
        /** Deep sleep for {@link #realSleepMillis()}, then {@link #endSleep(long)} and boot again. */
        SLEEP
    }

    private final DeviceConfig config;
    private final SimulatedBoard board;
    private final long sleepSpeedup;
    private volatile PotNode node;
    /** The current boot's link under any wrappers: a power cut drops it without a goodbye. */
    private volatile MqttTransport radioLink;
    private volatile boolean rebootRequested;
    private volatile boolean powerCutRequested;
    /** How long the core asked to sleep at the end of its wake; 0 when it did not. */
    private volatile long deepSleepMillis;
    private volatile boolean closed;
    private volatile int boots;
    private volatile int wakes;
    /** Readings taken in earlier boots of this run (one reading = one sequence number). */
    private volatile long takenBeforeBoot;
    /** The current boot's sequence at its start: RTC memory carries the count on from earlier boots and runs. */
    private volatile long seqAtBoot;

    /** @param sleepSpeedup {@code sim.sleep.speedup}: a deep sleep is waited this many times shorter */
    public PotLifecycle(DeviceConfig config, SimulatedBoard board, long sleepSpeedup) {
        this.config = config;
        this.board = board;
        this.sleepSpeedup = sleepSpeedup;
    }

    /** Before the first boot: what the last run of this pot kept in its RTC file, if anything. */
    public void loadFromLastRun() {
        try {
            board.memory().loadFromLastRun();
        } catch (IOException e) {
            board.log().warn("readings kept by the last run could not be read (" + e.getMessage() + "); starting afresh");
        }
    }

    /**
     * One boot, or one wake from deep sleep (on a board, a wake is a boot): a fresh core on the same board, whose RTC
     * memory holds what the previous boot kept.
     *
     * @param transport the link the core talks through (the runtime's wrappers included)
     * @param radioLink the link under those wrappers, cut without a goodbye at a power cut
     * @param vm the boot's VM with its run-time limit; null: none
     */
    public PotNode boot(Sleeper sleeper, MqttTransport transport, MqttTransport radioLink, EvaluationVm vm) {
        PotNode previous = node;
        if (previous != null) {
            takenBeforeBoot += previous.readingsTaken() - seqAtBoot;
        }
        rebootRequested = false;
        boolean wake = deepSleepMillis > 0;
        deepSleepMillis = 0;
        this.radioLink = radioLink;
        PotNode fresh = new PotNode(config, board.boot(sleeper, reason -> {
            board.log().warn("rebooting (simulated): the device restarts in place, its queue kept in RTC memory");
            rebootRequested = true;
        }, millis -> {
            // ESP-IDF's sleep guide: stop WiFi (esp_wifi_stop) before esp_deep_sleep_start, as the firmware does.
            board.wlan().stopRadio();
            deepSleepMillis = millis;
        }, vm), transport);
        seqAtBoot = fresh.readingsTaken();
        if (!wake) {
            boots++;
        }
        node = fresh;
        return fresh;
    }

    /** Whether the running boot ends now: the core asked for a reboot, or the power is being cut. */
    public boolean bootEnds() {
        return rebootRequested || powerCutRequested;
    }

    /** Called once the boot's core has stopped (its run returned, or its last tick and shutdown are done). */
    public Next afterBoot() {
        if (powerCutRequested) {
            powerCutRequested = false;
            // The RTC timer went with the power: the next start is a boot, not a wake.
            deepSleepMillis = 0;
            board.memory().powerCut();
            board.log().warn("power cut (simulated): RTC memory lost; the device starts again");
            return closed ? Next.STOP : Next.BOOT;
        }
        if (closed) {
            return Next.STOP;
        }
        if (deepSleepMillis > 0) {
            return Next.SLEEP;
        }
        return rebootRequested ? Next.BOOT : Next.STOP;
    }

    /** How long the deep sleep the core asked for is waited in real time ({@code sim.sleep.speedup}). */
    public long realSleepMillis() {
        return deepSleepMillis / sleepSpeedup;
    }

    /**
     * The deep sleep is over ({@code realMillis} of it waited): the clock runs on by the whole sleep and the next boot is
     * a wake (true). False when the power was cut while the pot slept ({@link #powerCutWhileAsleep()}): the RTC timer and
     * memory went with it, so the sleep ended then and the next start is a boot.
     */
    public boolean endSleep(long realMillis) {
        if (powerCutRequested) {
            afterBoot();
            return false;
        }
        board.sleptFor(deepSleepMillis, realMillis);
        wakes++;
        return true;
    }

    /** A power cut came while the pot sleeps: its runtime ends the sleep at once. */
    public boolean powerCutWhileAsleep() {
        return powerCutRequested && deepSleepMillis > 0;
    }

    /**
     * Cuts the simulated power: the link drops without a goodbye, the core stops, and {@link #afterBoot()} then loses RTC
     * memory (the flash mark stays) and boots again. False before the first boot.
     */
    public boolean cutPower() {
        PotNode current = node;
        MqttTransport link = radioLink;
        if (current == null || link == null) {
            return false;
        }
        powerCutRequested = true;
        sever(link);
        current.requestStop();
        return true;
    }

    /** The simulator stops the pot: the running core says "offline" and no further boot follows. */
    public void close() {
        closed = true;
        PotNode current = node;
        if (current != null) {
            current.requestStop();
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** After the last boot: the RTC contents go to the pot's file for its next run, when it has one. */
    public void keepForNextRun() {
        PotNode last = node;
        if (last != null) {
            board.memory().keepForNextRun(last.queuedReadings(), board.log());
        }
    }

    /** The radio is gone: so is the connection, without a goodbye (the HiveMQ link is noticed by the WiFi check). */
    public static void sever(MqttTransport transport) {
        if (transport instanceof PahoMqttTransport paho) {
            paho.severLink();
        } else {
            transport.disconnect();
        }
    }

    /** The running core; null before the first boot. */
    public PotNode node() {
        return node;
    }

    /** Boots so far (the first, reboots, returns from a power cut); a wake from deep sleep is not one. */
    public int boots() {
        return boots;
    }

    /** Wakes from deep sleep so far. */
    public int wakes() {
        return wakes;
    }

    /** Readings taken in this run, over all its boots. */
    public long readingsTaken() {
        PotNode current = node;
        return takenBeforeBoot + (current == null ? 0 : current.readingsTaken() - seqAtBoot);
    }

    public SimulatedBoard board() {
        return board;
    }
}
