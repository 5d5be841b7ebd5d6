package dev.smartpot.simulator.it;

import static dev.smartpot.testkit.MothershipAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import dev.smartpot.device.PotNode;
import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.simulator.board.SimulatorConfig;
import dev.smartpot.simulator.fleet.FleetConsole;
import dev.smartpot.simulator.fleet.FleetPot;
import dev.smartpot.simulator.fleet.SimulatedFleet;
import dev.smartpot.simulator.kit.GivenPot;
import dev.smartpot.testkit.Mosquitto;
import dev.smartpot.testkit.MosquittoClients;
import dev.smartpot.testkit.MothershipStandIn;
import dev.smartpot.testkit.PotId;
import dev.smartpot.testkit.UnsavedAcks;

/**
 * A small fleet on a real Mosquitto: every reading of every pot arrives, through a broker kill too, and a
 * message from the mothership reaches every pot. The one exception is Mosquitto's own: a reading it acknowledged after
 * its last finished save and still held for the mothership dies with it (see {@link UnsavedAcks}); the pot rightly
 * forgot it at the PUBACK.
 */
class FleetIT {

    private static final int POTS = 50;
    private static final String MOTHERSHIPS_MESSAGE = "(from_mothership, wassap!)";

    /** The pots whose log showed the mothership's message, noted as each line comes (no scan of the whole log). */
    private final Set<String> heard = ConcurrentHashMap.newKeySet();

    @Test
    void everyReadingOfEveryPotArrivesThroughABrokerKill() throws Exception {
        List<String> console = new ArrayList<>();
        // The shipped configs' queue for one client (board-config/mosquitto): at Mosquitto's default
        // (max_queued_messages 1000) it dropped readings meant for the test's mothership while 50 pots delivered their
        // outage's queues at once ("Outgoing messages are being dropped for client mothership-..." in its log).
        try (Mosquitto broker = Mosquitto.configure().line("max_queued_messages 10000000").line("max_queued_bytes 33554432").start();
                MothershipStandIn mothership = MothershipStandIn.on(broker.uri())) {
            SimulatedFleet fleet = fleetOf(broker.uri(), console, heard);
            fleet.start();
            Awaitility.await("every pot online").atMost(Duration.ofSeconds(20))
                    .until(() -> fleet.snapshot().online == POTS);
            mothership.awaitReadings(POTS * 3, Duration.ofSeconds(20));

            broker.kill();
            // Mosquitto acknowledges a publish before it saves it: what it acked since its last finished save and had
            // not yet passed to the (lagging) mothership is lost to a SIGKILL. Its log at the kill says which.
            UnsavedAcks unsaved = UnsavedAcks.at(broker.log(), MothershipStandIn.READINGS);
            Awaitility.await("readings pile up in the pots' queues").atMost(Duration.ofSeconds(15))
                    .until(() -> fleet.snapshot().queued >= POTS * 2L);
            broker.restart();
            Awaitility.await("every pot back online").atMost(Duration.ofSeconds(30))
                    .until(() -> fleet.snapshot().online == POTS);
            mothership.awaitReadings(mothership.payloads(MothershipStandIn.READINGS).size() + POTS * 2, Duration.ofSeconds(20));

            // The banner's "talk to every pot": one message from the mothership reaches each pot's loop.
            new MosquittoClients(broker).pubQos1("from_mothership", "wassap!");
            try {
                Awaitility.await("every pot logs the mothership's message").atMost(Duration.ofSeconds(10))
                        .until(() -> missing(fleet).isEmpty());
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("pots that have not logged the mothership's message:\n"
                        + describe(fleet, console, missing(fleet)), e);
            }

            int late = fleet.stop(20_000);
            assertEquals(0, late, "every pot stopped");
            Set<String> ids = new TreeSet<>();
            Map<String, TreeSet<Long>> lostByBroker = new TreeMap<>();
            for (FleetPot pot : fleet.pots()) {
                assertEquals(PotNode.STOPPED, pot.node().state());
                assertEquals(0, pot.node().queuedReadings(), pot.clientId() + " left nothing queued");
                assertEquals(0, pot.node().droppedReadings());
                assertTrue(pot.node().reconnects() >= 1, pot.clientId() + " noticed the outage");
                TreeSet<Long> lost = assertThat(mothership).receivedExactlyExcept(PotId.of(pot.clientId()),
                        pot.readingsTaken(), unsaved.seqsAtRisk(pot.clientId()));
                if (!lost.isEmpty()) {
                    lostByBroker.put(pot.clientId(), lost);
                    System.out.println("FleetIT: Mosquitto lost " + pot.clientId() + "'s readings " + lost
                            + ", acknowledged after its last finished save before the SIGKILL:\n  "
                            + String.join("\n  ", unsaved.evidence(pot.clientId())));
                }
                ids.add(pot.clientId());
            }
            System.out.println("FleetIT: " + unsaved.atRisk() + " readings acknowledged after Mosquitto's last finished save,"
                    + " lost by it: " + lostByBroker + " (broker folder " + broker.dir() + ")");
            assertEquals(ids, mothership.seqsByPot().keySet(), "readings from exactly the fleet's pots");
        }
    }

    /** What a missing pot's core says and last logged, and where the fleet's threads are, for a failure's message. */
    private static String describe(SimulatedFleet fleet, List<String> console, List<String> ids) {
        StringBuilder out = new StringBuilder();
        for (FleetPot pot : fleet.pots()) {
            if (ids.contains(pot.clientId())) {
                out.append(pot.clientId()).append(": ").append(pot.node().statusLine()).append('\n');
                synchronized (console) {
                    console.stream().filter(l -> l.contains("[" + pot.clientId() + "]")).skip(Math.max(0,
                            console.stream().filter(l -> l.contains("[" + pot.clientId() + "]")).count() - 6))
                            .forEach(l -> out.append("    ").append(l).append('\n'));
                }
            }
        }
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().startsWith("fleet") || thread.getName().contains("hivemq") || thread.getName().startsWith("Rx")) {
                out.append(thread.getName()).append(' ').append(thread.getState()).append('\n');
                for (int i = 0; i < Math.min(30, stack.length); i++) {
                    out.append("    at ").append(stack[i]).append('\n');
                }
            }
        });
        return out.toString();
    }

    /** The pots that have not logged the mothership's message, so a failure names them. */
    private List<String> missing(SimulatedFleet fleet) {
        List<String> missing = new ArrayList<>();
        for (FleetPot pot : fleet.pots()) {
            if (!heard.contains(pot.clientId())) {
                missing.add(pot.clientId());
            }
        }
        return missing;
    }

    private static SimulatedFleet fleetOf(String brokerUri, List<String> console, Set<String> heard) throws Exception {
        ConfigReader reader = new ConfigReader(ConfigSource.parse(GivenPot.FAST + "mqtt.broker = " + brokerUri + "\n",
                "fleet-it.properties"));
        DeviceConfig device = DeviceConfig.read(reader);
        SimulatorConfig world = SimulatorConfig.read(reader, device);
        reader.finish();
        // Every pot's lines, as --pot-logs prints them.
        FleetConsole fleetConsole = new FleetConsole(line -> {
            if (line.contains(MOTHERSHIPS_MESSAGE)) {
                heard.add(line.substring(line.indexOf('[') + 1, line.indexOf(']')));
            }
            synchronized (console) {
                console.add(line);
            }
        }, true);
        return new SimulatedFleet(device, world, POTS, 100, 4, fleetConsole, SimulatedFleet.hiveMq());
    }
}
