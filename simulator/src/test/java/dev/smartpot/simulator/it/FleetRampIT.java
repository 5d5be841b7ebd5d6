package dev.smartpot.simulator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.smartpot.device.PotNode;
import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.simulator.board.SimulatorConfig;
import dev.smartpot.simulator.fleet.FleetConsole;
import dev.smartpot.simulator.fleet.FleetPot;
import dev.smartpot.simulator.fleet.RampArrivals;
import dev.smartpot.simulator.fleet.SimulatedFleet;
import dev.smartpot.testkit.Mosquitto;
import dev.smartpot.testkit.MothershipStandIn;

/**
 * While a fleet ramps up, the pots that came online first keep their cadence at an independent subscriber: the
 * connects of the rest (each one blocking on the broker) never hold their readings back. Counted, not timed: the
 * ramp lasts at least {@code POTS / RAMP} seconds by construction, and an early pot's readings that arrived over it
 * are compared with the readings that window holds at its interval. (Before the link lane, on the 2-core machine,
 * those pots waited behind every connect and got next to none.)
 */
class FleetRampIT {

    /** As many pots as a user ramps up, so that connecting them keeps a 2-core machine busy for the whole ramp. */
    private static final int POTS = 2000;
    /** The default ramp: it takes 4 s at least, however fast the machine, and longer where connects cost more. */
    private static final double RAMP = 500;
    private static final int THREADS = SimulatedFleet.DEFAULT_THREADS;
    private static final long INTERVAL_MILLIS = 1000;
    /** The pots watched: the first to connect (all started within 0.1 s). */
    private static final int EARLY = 10;

    @Test
    void potsOnlineFirstKeepTheirCadenceWhileTheRestConnect() throws Exception {
        try (Mosquitto broker = Mosquitto.configure().persistence(false).quietLog().start();
                MothershipStandIn subscriber = MothershipStandIn.on(broker.uri())) {
            SimulatedFleet fleet = fleetOf(broker.uri());
            List<FleetPot> early = fleet.pots().subList(0, EARLY);
            fleet.start();
            Awaitility.await("the first pots online").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5))
                    .until(() -> early.stream().allMatch(p -> p.node() != null && p.node().state() == PotNode.ONLINE));
            long from = System.nanoTime();
            Awaitility.await("every pot online").atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(20))
                    .until(() -> fleet.snapshot().online == POTS);
            long to = System.nanoTime();
            long window = (to - from) / 1_000_000;
            assertTrue(window >= 3 * INTERVAL_MILLIS, "the ramp outlasts the first pots' connects by some intervals: "
                    + window + " ms");

            RampArrivals arrivals = new RampArrivals(subscriber.received());
            long due = window / INTERVAL_MILLIS;
            List<String> behind = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            for (FleetPot pot : early) {
                int arrived = arrivals.arrivedBetween(pot.clientId(), from, to);
                counts.add(arrived);
                // A loaded machine may hold a tick back a little; a pot waiting for others' connects misses most.
                if (arrived < due * 3 / 4) {
                    behind.add(pot.clientId() + ": " + arrived);
                }
            }
            System.out.println("FleetRampIT: ramp window " + window + " ms, " + due + " readings due per early pot, arrived "
                    + counts);
            assertEquals(List.of(), behind, "readings that arrived during the " + window + " ms ramp from pots online"
                    + " before it (" + due + " due each)");

            assertEquals(0, fleet.stop(30_000), "every pot stopped");
            Awaitility.await("every reading of every pot at the subscriber").atMost(Duration.ofSeconds(20))
                    .until(() -> missing(fleet, subscriber.seqsByPot()).isEmpty());
            for (FleetPot pot : fleet.pots()) {
                assertEquals(PotNode.STOPPED, pot.node().state());
                assertEquals(0, pot.node().queuedReadings(), pot.clientId() + " left nothing queued");
            }
        }
    }

    /** The pots whose readings #0 to their last did not all arrive, or something more did. */
    private static List<String> missing(SimulatedFleet fleet, Map<String, TreeSet<Long>> got) {
        List<String> out = new ArrayList<>();
        for (FleetPot pot : fleet.pots()) {
            TreeSet<Long> seqs = got.getOrDefault(pot.clientId(), new TreeSet<>());
            long taken = pot.readingsTaken();
            if (seqs.size() != taken || (taken > 0 && (seqs.first() != 0 || seqs.last() != taken - 1))) {
                out.add(pot.clientId());
            }
        }
        return out;
    }

    private static SimulatedFleet fleetOf(String brokerUri) throws Exception {
        ConfigReader reader = new ConfigReader(ConfigSource.parse(String.join("\n",
                "wifi.ssid = TestNet",
                "wifi.password = test-password",
                "mqtt.broker = " + brokerUri,
                "publish.interval = " + INTERVAL_MILLIS + "ms",
                "homeassistant.discovery = false",
                // A pot here queues a few readings at most; the default (a day's worth) would take 140 MB of heap.
                "queue.capacity = 100",
                "sim.seed = ramp-it",
                ""), "fleet-ramp-it.properties"));
        DeviceConfig device = DeviceConfig.read(reader);
        SimulatorConfig world = SimulatorConfig.read(reader, device);
        reader.finish();
        return new SimulatedFleet(device, world, POTS, RAMP, THREADS, new FleetConsole(line -> { }, false), SimulatedFleet.hiveMq());
    }
}
