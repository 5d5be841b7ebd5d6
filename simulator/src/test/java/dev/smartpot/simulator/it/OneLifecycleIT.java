package dev.smartpot.simulator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.smartpot.device.PotNode;
import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.simulator.SimulatedPot;
import dev.smartpot.simulator.board.FakeWlan;
import dev.smartpot.simulator.board.PotMemory;
import dev.smartpot.simulator.board.SimulatorConfig;
import dev.smartpot.simulator.fleet.FleetConsole;
import dev.smartpot.simulator.fleet.FleetPot;
import dev.smartpot.simulator.fleet.SimulatedFleet;
import dev.smartpot.testkit.Mosquitto;
import dev.smartpot.testkit.MothershipStandIn;

/**
 * One lifecycle, two runtimes: the single pot (a thread of its own) and a fleet pot (the fleet's scheduled ticks) sleep,
 * wake and reboot alike, so each test runs the same assertions on both, against a real Mosquitto watched by an
 * independent subscriber.
 */
class OneLifecycleIT {

    /** The two pot runtimes of the simulator. */
    enum Runtime { SINGLE, FLEET }

    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
    private static final Pattern BOOT = Pattern.compile("\"boot\":(\\d+)");
    private static final Pattern TS = Pattern.compile("\"ts\":(\\d+)");
    private static final Pattern UPTIME = Pattern.compile("\"uptime_ms\":(-?\\d+)");

    private final List<AutoCloseable> open = new ArrayList<>();

    /** What the tests read of a pot, whichever runtime runs it. */
    private interface Pot extends AutoCloseable {
        String clientId();

        PotNode node();

        int boots();

        int wakes();

        FakeWlan wlan();

        void start();

        void powerCut();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    /**
     * A pot on batteries reads every 15 minutes (each sleep shortened 9000 times, to 0.1 s: the cadence itself is
     * SimulatedPotOnManualTimeTest's) and publishes every 2nd wake: on the wire, every seq arrives once, in order, 15
     * minutes apart on the pot's clock, all of boot 1: a wake is not a reboot.
     */
    @ParameterizedTest
    @EnumSource(Runtime.class)
    void aPotOnBatteriesSleepsAndWakesOnItsCadence(Runtime runtime) throws Exception {
        Mosquitto broker = keep(Mosquitto.start());
        MothershipStandIn mothership = keep(MothershipStandIn.on(broker.uri(), "to_mothership/#"));
        Pot pot = keep(pot(runtime, broker.uri(), String.join("\n",
                "power.mode = deep-sleep",
                "publish.interval = 15m",
                "sleep.publish.every = 2",
                "sim.sleep.speedup = 9000",
                "")));
        pot.start();
        Awaitility.await("6 readings published").atMost(Duration.ofSeconds(40))
                .until(() -> readings(mothership, pot).size() >= 6);
        Map<Long, String> readings = readings(mothership, pot);
        List<Long> expected = new ArrayList<>();
        for (long s = 0; s < readings.size(); s++) {
            expected.add(s);
        }
        assertEquals(expected, new ArrayList<>(readings.keySet()), "every seq once, in order, across the wakes");
        List<String> payloads = new ArrayList<>(readings.values());
        for (int i = 0; i < payloads.size(); i++) {
            assertEquals(1, number(BOOT, payloads.get(i)), "a wake from deep sleep is not a reboot: " + payloads.get(i));
            if (i > 0) {
                long gap = number(TS, payloads.get(i)) - number(TS, payloads.get(i - 1));
                assertTrue(gap >= 14 * 60_000 && gap <= 16 * 60_000, "15 minutes apart on the pot's clock: " + gap + " ms");
            }
        }
        assertEquals(1, pot.boots(), "one boot");
        assertTrue(pot.wakes() >= 5, "a wake for each reading after the first: " + pot.wakes());
    }

    /**
     * An always-on pot that cannot reach its access point queues its readings; its planned restart (vm.restart.every)
     * is a reboot that keeps the queue and counts the boot on; once the access point is back, every seq arrives once,
     * in order, sent by boot 2, those the first boot took with a negative uptime (taken before this boot began).
     */
    @ParameterizedTest
    @EnumSource(Runtime.class)
    void aRebootKeepsTheQueueAndCountsTheBoot(Runtime runtime) throws Exception {
        Mosquitto broker = keep(Mosquitto.start());
        MothershipStandIn mothership = keep(MothershipStandIn.on(broker.uri(), "to_mothership/#"));
        Pot pot = keep(pot(runtime, broker.uri(), String.join("\n",
                "publish.interval = 300ms",
                "vm.restart.every = 5s",
                "")));
        pot.wlan().setAccessPointOn(false);
        pot.start();
        Awaitility.await("the planned restart").atMost(Duration.ofSeconds(20)).until(() -> pot.boots() == 2);
        // Read beside the pot's own thread: a reading may land between the two counts, so wait until they agree.
        Awaitility.await("the second boot holds every reading taken so far in its queue").atMost(Duration.ofSeconds(5))
                .until(() -> pot.node().boot() == 2 && pot.node().queuedReadings() > 0
                        && pot.node().queuedReadings() == pot.node().readingsTaken());
        long queued = pot.node().queuedReadings();
        pot.wlan().setAccessPointOn(true);
        Awaitility.await("the queue delivered").atMost(Duration.ofSeconds(20))
                .until(() -> readings(mothership, pot).size() >= queued);
        Map<Long, String> readings = readings(mothership, pot);
        List<Long> expected = new ArrayList<>();
        for (long s = 0; s < readings.size(); s++) {
            expected.add(s);
        }
        assertEquals(expected, new ArrayList<>(readings.keySet()), "every seq once, in order, across the reboot");
        // Sent by the second boot; uptime_ms counts from its start, so a reading the first boot took is negative: the
        // first boot's readings are the first seqs, and there are some.
        long firstBoots = readings.values().stream().filter(p -> number(UPTIME, p) < 0).count();
        assertTrue(firstBoots > 0, "the first boot's readings were kept: " + readings.values());
        for (Map.Entry<Long, String> reading : readings.entrySet()) {
            assertEquals(2, number(BOOT, reading.getValue()), reading.getValue());
            assertEquals(reading.getKey() < firstBoots, number(UPTIME, reading.getValue()) < 0, reading.getValue());
        }
        assertEquals(2, pot.boots());
        assertEquals(0, pot.node().droppedReadings());
    }

    /**
     * A power cut loses what RTC memory held: the queue goes, the next start is a boot, and seq carries on from the flash
     * mark, above every seq used, with the loss counted in the first reading sent.
     */
    @ParameterizedTest
    @EnumSource(Runtime.class)
    void aPowerCutLosesTheQueueAndSeqCarriesOnFromTheFlashMark(Runtime runtime) throws Exception {
        Mosquitto broker = keep(Mosquitto.start());
        MothershipStandIn mothership = keep(MothershipStandIn.on(broker.uri(), "to_mothership/#"));
        Pot pot = keep(pot(runtime, broker.uri(), String.join("\n",
                "publish.interval = 300ms",
                "reboot.after = 0",
                "")));
        pot.wlan().setAccessPointOn(false);
        pot.start();
        Awaitility.await("readings queue up").atMost(Duration.ofSeconds(10))
                .until(() -> pot.node() != null && pot.node().queuedReadings() >= 5);
        pot.powerCut();
        Awaitility.await("booted again").atMost(Duration.ofSeconds(10)).until(() -> pot.boots() == 2);
        pot.wlan().setAccessPointOn(true);
        Awaitility.await("a reading after the cut").atMost(Duration.ofSeconds(20))
                .until(() -> !readings(mothership, pot).isEmpty());
        String first = readings(mothership, pot).values().iterator().next();
        assertEquals(256, number(SEQ, first), "seq carries on from the flash mark: " + first);
        assertEquals(2, number(BOOT, first), first);
        assertTrue(first.contains("\"dropped\":256"), "the lost readings counted: " + first);
        assertEquals(0, pot.wakes());
    }

    private <T extends AutoCloseable> T keep(T closeable) {
        open.add(closeable);
        return closeable;
    }

    /** The pot's readings by seq, as they arrived (the first copy of each). */
    private static Map<Long, String> readings(MothershipStandIn mothership, Pot pot) {
        Map<Long, String> bySeq = new LinkedHashMap<>();
        for (String payload : mothership.payloads("to_mothership/" + pot.clientId())) {
            Matcher seq = SEQ.matcher(payload);
            if (seq.find()) {
                bySeq.putIfAbsent(Long.parseLong(seq.group(1)), payload);
            }
        }
        return bySeq;
    }

    private static long number(Pattern field, String payload) {
        Matcher m = field.matcher(payload);
        assertTrue(m.find(), field + " in " + payload);
        return Long.parseLong(m.group(1));
    }

    private static Pot pot(Runtime runtime, String brokerUri, String config) throws Exception {
        ConfigReader reader = new ConfigReader(ConfigSource.parse(String.join("\n",
                "wifi.ssid = TestNet",
                "wifi.password = test-password",
                "mqtt.broker = " + brokerUri,
                "mqtt.topic.publish = to_mothership/{id}",
                "homeassistant.discovery = false",
                "backoff.min = 200ms",
                "backoff.max = 1s",
                "sim.seed = lifecycle-" + runtime.name().toLowerCase(),
                config), "lifecycle.properties"));
        DeviceConfig device = DeviceConfig.read(reader);
        SimulatorConfig world = SimulatorConfig.read(reader, device);
        reader.finish();
        return runtime == Runtime.SINGLE ? single(device, world) : fleetOfOne(device, world);
    }

    private static Pot single(DeviceConfig device, SimulatorConfig world) {
        SimulatedPot pot = new SimulatedPot(device, world, line -> { }, new MemorySettingsStore(), PotMemory.inRam());
        return new Pot() {
            public String clientId() { return pot.clientId(); }
            public PotNode node() { return pot.node(); }
            public int boots() { return pot.boots(); }
            public int wakes() { return pot.wakes(); }
            public FakeWlan wlan() { return pot.wlan(); }
            public void start() { pot.start(); }
            public void powerCut() { pot.powerCut(); }
            public void close() { pot.stop(); }
        };
    }

    private static Pot fleetOfOne(DeviceConfig device, SimulatorConfig world) {
        SimulatedFleet fleet = new SimulatedFleet(device, world, 1, 100, 1, new FleetConsole(line -> { }, false),
                SimulatedFleet.hiveMq());
        FleetPot pot = fleet.pots().get(0);
        return new Pot() {
            public String clientId() { return pot.clientId(); }
            public PotNode node() { return pot.node(); }
            public int boots() { return pot.boots(); }
            public int wakes() { return pot.wakes(); }
            public FakeWlan wlan() { return pot.wlan(); }
            public void start() { fleet.start(); }
            public void powerCut() { pot.powerCut(); }
            public void close() { fleet.stop(10_000); }
        };
    }
}
