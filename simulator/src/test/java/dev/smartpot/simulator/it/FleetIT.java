package dev.smartpot.simulator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.smartpot.device.PotNode;
import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.simulator.SimulatorConfig;
import dev.smartpot.simulator.fleet.FleetConsole;
import dev.smartpot.simulator.fleet.FleetPot;
import dev.smartpot.simulator.fleet.SimulatedFleet;

/** A small fleet on a real Mosquitto: every reading of every pot arrives, through a broker kill too. */
class FleetIT {

    private static final int POTS = 50;
    private static final Pattern ID_AND_SEQ = Pattern.compile("\"id\":\"([0-9a-f]{12})\",\"seq\":(\\d+)");

    @Test
    void everyReadingOfEveryPotArrivesThroughABrokerKill() throws Exception {
        List<String> console = new ArrayList<>();
        try (MosquittoBroker broker = MosquittoBroker.start();
                Subscriber mothership = new Subscriber(broker.uri(), "to_mothership")) {
            SimulatedFleet fleet = fleetOf(broker.uri(), console);
            fleet.start();
            Awaitility.await("every pot online").atMost(Duration.ofSeconds(20))
                    .until(() -> fleet.snapshot().online == POTS);
            mothership.awaitCount("to_mothership", POTS * 3, Duration.ofSeconds(20));

            broker.kill();
            Awaitility.await("readings pile up in the pots' queues").atMost(Duration.ofSeconds(15))
                    .until(() -> fleet.snapshot().queued >= POTS * 2L);
            broker.restart();
            Awaitility.await("every pot back online").atMost(Duration.ofSeconds(30))
                    .until(() -> fleet.snapshot().online == POTS);
            mothership.awaitCount("to_mothership", mothership.payloads("to_mothership").size() + POTS * 2, Duration.ofSeconds(20));

            int late = fleet.stop(20_000);
            assertEquals(0, late, "every pot stopped");
            Map<String, Long> taken = new HashMap<>();
            for (FleetPot pot : fleet.pots()) {
                assertEquals(PotNode.STOPPED, pot.node().state());
                assertEquals(0, pot.node().queuedReadings(), pot.clientId() + " left nothing queued");
                assertEquals(0, pot.node().droppedReadings());
                taken.put(pot.clientId(), pot.readingsTaken());
            }
            Awaitility.await("the mothership has every reading of every pot").atMost(Duration.ofSeconds(20))
                    .until(() -> missing(mothership, taken).isEmpty());
            Map<String, TreeSet<Long>> received = bySeq(mothership);
            assertEquals(taken.keySet(), received.keySet(), "readings from exactly the fleet's pots");
            for (FleetPot pot : fleet.pots()) {
                assertTrue(pot.node().reconnects() >= 1, pot.clientId() + " noticed the outage");
                assertEquals(taken.get(pot.clientId()), (long) received.get(pot.clientId()).size(),
                        pot.clientId() + ": one of each seq, nothing extra");
            }
        }
    }

    /** "pot: first missing seq" for every pot that has not delivered all of its readings yet. */
    private static List<String> missing(Subscriber mothership, Map<String, Long> taken) {
        Map<String, TreeSet<Long>> received = bySeq(mothership);
        List<String> missing = new ArrayList<>();
        taken.forEach((id, count) -> {
            TreeSet<Long> seqs = received.getOrDefault(id, new TreeSet<>());
            for (long seq = 0; seq < count; seq++) {
                if (!seqs.contains(seq)) {
                    missing.add(id + ": #" + seq);
                    return;
                }
            }
        });
        return missing;
    }

    private static Map<String, TreeSet<Long>> bySeq(Subscriber mothership) {
        Map<String, TreeSet<Long>> seqs = new HashMap<>();
        for (String payload : mothership.payloads("to_mothership")) {
            Matcher m = ID_AND_SEQ.matcher(payload);
            if (m.find()) {
                seqs.computeIfAbsent(m.group(1), id -> new TreeSet<>()).add(Long.parseLong(m.group(2)));
            }
        }
        return seqs;
    }

    private static SimulatedFleet fleetOf(String brokerUri, List<String> console) throws Exception {
        ConfigReader reader = new ConfigReader(ConfigSource.parse(PotUnderTest.FAST + "mqtt.broker = " + brokerUri + "\n",
                "fleet-it.properties"));
        DeviceConfig device = DeviceConfig.read(reader);
        SimulatorConfig world = SimulatorConfig.read(reader, device);
        reader.finish();
        FleetConsole fleetConsole = new FleetConsole(line -> {
            synchronized (console) {
                console.add(line);
            }
        }, false);
        return new SimulatedFleet(device, world, POTS, 100, 4, fleetConsole, SimulatedFleet.hiveMq());
    }
}
