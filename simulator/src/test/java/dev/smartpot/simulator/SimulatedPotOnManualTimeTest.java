package dev.smartpot.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.device.fakes.FakeTransport;
import dev.smartpot.protocol.Decoded;
import dev.smartpot.protocol.PayloadDecoder;
import dev.smartpot.simulator.board.PotMemory;
import dev.smartpot.simulator.board.SimulatorConfig;
import dev.smartpot.simulator.kit.ManualBoardTime;

/**
 * The single pot's runtime (its thread, its boots, its deep sleeps) on a manual board time: a sleep, a deep sleep or a
 * WiFi join moves the time on at once, so hours of a pot's life run in milliseconds, and what the test plans for a
 * moment (the access point back, a power cut, the stop) happens then. The broker is the core's in-memory fake; the
 * test reads what reached it, as the mothership would: the lifecycle the fleet shares ({@code PotLifecycle}) seen from
 * the wire. Real Mosquitto runs of the same stay in {@code OneLifecycleIT} and {@code DeepSleepIT}.
 */
class SimulatedPotOnManualTimeTest {

    private static final long MINUTE = 60_000;

    private final ManualBoardTime time = new ManualBoardTime();
    private final FakeTransport broker = new FakeTransport();
    private final List<String> console = new ArrayList<>();

    /**
     * A pot on batteries reads every 15 minutes and publishes every 2nd wake, for two hours of its time: every seq arrives
     * once, in order, 15 minutes apart by its wall clock and its uptime (one RTC clock across wakes), all of boot 1;
     * each "asleep" status says when it wakes, and it wakes then.
     */
    @Test
    void aPotOnBatteriesWakesEvery15MinutesOnItsClock() {
        SimulatedPot pot = pot("power.mode = deep-sleep", "publish.interval = 15m", "sleep.publish.every = 2");
        time.at(2 * 60 * MINUTE + MINUTE, pot::stop);
        run(pot);

        List<Decoded.Reading> readings = readings();
        assertEquals(9, readings.size(), "readings at 0, 15, ... 120 minutes, each published\n" + console());
        for (int i = 0; i < readings.size(); i++) {
            Decoded.Reading r = readings.get(i);
            assertEquals(i, r.seq, "every seq once, in order, across the wakes");
            assertEquals(1L, r.boot, "a wake from deep sleep is not a reboot");
            assertEquals(i * 15 * MINUTE, r.uptimeMs, "the RTC clock runs on across sleeps");
            assertEquals(ManualBoardTime.WALL_AT_ZERO + i * 15 * MINUTE, r.ts, "15 minutes apart on the pot's wall clock");
        }
        assertEquals(8, pot.wakes(), "a wake for each reading after the first");
        assertEquals(1, pot.boots());
        List<Decoded.Status> asleep = statuses().stream().filter(Decoded.Status::asleep).toList();
        assertEquals(5, asleep.size(), "an \"asleep\" status at each publishing wake: readings 0, 2, 4, 6, 8");
        for (Decoded.Status status : asleep.subList(0, asleep.size() - 1)) {
            assertTrue(readings.stream().anyMatch(r -> r.ts.equals(status.wakeAtMillis)),
                    "the pot woke when its status said (" + status.wakeAtMillis + ")");
        }
    }

    /**
     * An always-on pot that cannot reach its access point queues its readings; its planned restart (vm.restart.every) is
     * a reboot that keeps the queue and counts the boot on. Once the access point is back, every seq arrives once, in
     * order, a minute apart, sent by boot 2; those the first boot took carry a negative uptime (before this boot began).
     */
    @Test
    void aPlannedRestartKeepsTheQueueAndCountsTheBoot() {
        SimulatedPot pot = pot("publish.interval = 1m", "vm.restart.every = 10m");
        pot.wlan().setAccessPointOn(false);
        int[] atRestart = new int[3];
        time.at(10 * MINUTE + 1, () -> {
            atRestart[0] = pot.node().boot();
            atRestart[1] = pot.node().queuedReadings();
            atRestart[2] = (int) pot.node().readingsTaken();
        });
        time.at(15 * MINUTE + 30_000, () -> pot.wlan().setAccessPointOn(true));
        time.at(19 * MINUTE + 30_000, pot::stop);
        run(pot);

        assertEquals(2, atRestart[0], "booted again at 10 minutes\n" + console());
        assertEquals(11, atRestart[1], "the second boot holds every reading so far, its own first one too");
        assertEquals(atRestart[2], atRestart[1], "nothing lost at the restart");
        List<Decoded.Reading> readings = readings();
        assertEquals(20, readings.size(), "a reading a minute, 0 to 19 minutes\n" + console());
        for (int i = 0; i < readings.size(); i++) {
            Decoded.Reading r = readings.get(i);
            assertEquals(i, r.seq, "every seq once, in order, across the restart");
            assertEquals(2L, r.boot, "sent by the second boot");
            assertEquals(ManualBoardTime.WALL_AT_ZERO + i * MINUTE, r.ts, "a minute apart, the restart included");
            assertEquals((i - 10) * MINUTE, r.uptimeMs, "uptime from the second boot's start, at 10 minutes");
            assertEquals(0, r.dropped);
        }
        assertEquals(2, pot.boots());
        assertEquals(0, pot.wakes());
    }

    /**
     * A power cut loses what RTC memory held: the queue goes, the next start is a boot, and seq carries on from the flash
     * mark, above every seq used, with the loss counted in the first reading sent.
     */
    @Test
    void aPowerCutLosesTheQueueAndTheFirstReadingAfterItCountsTheLoss() {
        SimulatedPot pot = pot("publish.interval = 1m", "reboot.after = 0");
        pot.wlan().setAccessPointOn(false);
        time.at(5 * MINUTE + 30_000, pot::powerCut);
        time.at(8 * MINUTE, () -> pot.wlan().setAccessPointOn(true));
        time.at(10 * MINUTE, pot::stop);
        run(pot);

        List<Decoded.Reading> readings = readings();
        assertFalse(readings.isEmpty(), console());
        Decoded.Reading first = readings.get(0);
        assertEquals(256, first.seq, "seq carries on from the flash mark, above the 6 readings lost");
        assertEquals(2L, first.boot);
        assertEquals(256, first.dropped, "the lost readings counted");
        assertEquals(ManualBoardTime.WALL_AT_ZERO + 5 * MINUTE + 30_000, first.ts, "the new boot reads at once");
        for (int i = 0; i < readings.size(); i++) {
            assertEquals(256 + i, readings.get(i).seq, "nothing of the first boot arrives; seq in order after the cut");
        }
        assertEquals(5, readings.size(), "at 5.5 minutes, then every minute to 9.5\n" + console());
        assertEquals(2, pot.boots());
        assertEquals(0, pot.wakes(), "a power cut is a boot, not a wake");
    }

    /**
     * A power cut while a pot on batteries sleeps: the RTC timer and memory go with the power, so the pot starts at once
     * (not at its next wake) as a new boot, the reading it kept unpublished is lost and counted, and its cadence starts
     * again from the return of the power.
     */
    @Test
    void aPowerCutDuringDeepSleepStartsThePotAtOnceAsANewBoot() {
        SimulatedPot pot = pot("power.mode = deep-sleep", "publish.interval = 15m", "sleep.publish.every = 2");
        time.at(20 * MINUTE, pot::powerCut);
        time.at(50 * MINUTE + MINUTE, pot::stop);
        run(pot);

        List<Decoded.Reading> readings = readings();
        assertEquals(List.of(0L, 256L, 257L, 258L), readings.stream().map(r -> r.seq).toList(),
                "reading #1 (kept unpublished at 15 minutes) lost with RTC memory; seq on from the flash mark\n" + console());
        Decoded.Reading afterCut = readings.get(1);
        assertEquals(2L, afterCut.boot, "the return of the power is a boot");
        assertEquals(ManualBoardTime.WALL_AT_ZERO + 20 * MINUTE, afterCut.ts, "read as the power came back, not at the next wake");
        assertTrue(afterCut.dropped > 0, "the loss counted: " + afterCut.dropped);
        assertEquals(ManualBoardTime.WALL_AT_ZERO + 35 * MINUTE, readings.get(2).ts, "15 minutes on from the new boot");
        assertEquals(2, pot.boots());
    }

    /** Starts the pot and waits (in real time, bounded) for its thread to end: the test's plan stops it. */
    private void run(SimulatedPot pot) {
        pot.start();
        Awaitility.await("the pot's planned life").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10))
                .until(() -> !pot.isRunning());
    }

    private SimulatedPot pot(String... config) {
        ConfigReader reader = new ConfigReader(ConfigSource.parse(String.join("\n",
                "wifi.ssid = TestNet",
                "wifi.password = test-password",
                "mqtt.broker = tcp://127.0.0.1:1",
                "homeassistant.discovery = false",
                "sim.seed = manual-time",
                String.join("\n", config),
                ""), "manual-time.properties"));
        DeviceConfig device = DeviceConfig.read(reader);
        SimulatorConfig world = SimulatorConfig.read(reader, device);
        try {
            reader.finish();
        } catch (Exception e) {
            throw new AssertionError(e.getMessage(), e);
        }
        // One broker across boots and wakes: it keeps the pot's session, as Mosquitto does.
        return new SimulatedPot(device, world, line -> {
            synchronized (console) {
                console.add(line);
            }
        }, new MemorySettingsStore(), PotMemory.inRam(), null, time, deepSleep -> broker);
    }

    /** The pot's readings as the broker took them, the first copy of each seq. */
    private List<Decoded.Reading> readings() {
        List<Decoded.Reading> out = new ArrayList<>();
        for (Decoded d : decoded()) {
            if (d instanceof Decoded.Reading r && out.stream().noneMatch(o -> o.seq == r.seq)) {
                out.add(r);
            }
        }
        return out;
    }

    private List<Decoded.Status> statuses() {
        List<Decoded.Status> out = new ArrayList<>();
        for (Decoded d : decoded()) {
            if (d instanceof Decoded.Status s) {
                out.add(s);
            }
        }
        return out;
    }

    private List<Decoded> decoded() {
        PayloadDecoder decoder = new PayloadDecoder();
        List<Decoded> out = new ArrayList<>();
        for (FakeTransport.Sent sent : broker.sent) {
            out.add(decoder.decode(sent.topic(), sent.payload().getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    private String console() {
        synchronized (console) {
            return String.join("\n", console);
        }
    }
}
