package dev.smartpot.simulator.it;

import static dev.smartpot.testkit.MothershipAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.protocol.Decoded;
import dev.smartpot.protocol.PayloadDecoder;
import dev.smartpot.simulator.board.SimulatorConfig;
import dev.smartpot.simulator.fleet.FleetConsole;
import dev.smartpot.simulator.fleet.FleetPot;
import dev.smartpot.simulator.fleet.SimulatedFleet;
import dev.smartpot.simulator.kit.GivenPot;
import dev.smartpot.testkit.Mosquitto;
import dev.smartpot.testkit.MothershipStandIn;
import dev.smartpot.testkit.PotId;

/**
 * A frozen broker (SIGSTOP: sockets open, nothing answers) holds every tick of a fleet in a PUBACK wait, on every
 * scheduler thread; the pots' readings still come on time, pile up in their queues and all arrive, each once with one
 * payload, once the broker thaws (issue 24).
 */
class FleetFrozenBrokerIT {

    private static final int POTS = 20;
    /** Readings each pot takes during the freeze; at 300 ms, 1.5 s of them. */
    private static final int DURING_FREEZE = 5;

    @Test
    void readingsAreTakenOnTimeWhileTheBrokerIsFrozen() throws Exception {
        try (Mosquitto broker = Mosquitto.start(); MothershipStandIn mothership = MothershipStandIn.on(broker.uri())) {
            SimulatedFleet fleet = fleetOf(broker.uri());
            fleet.start();
            Awaitility.await("every pot online").atMost(Duration.ofSeconds(20))
                    .until(() -> fleet.snapshot().online == POTS);
            mothership.awaitReadings(POTS * 3, Duration.ofSeconds(20));

            broker.freeze();
            Map<FleetPot, Long> atFreeze = new HashMap<>();
            for (FleetPot pot : fleet.pots()) {
                atFreeze.put(pot, pot.readingsTaken());
            }
            // The PUBACK wait (10 s) and the keepalive's verdict (4.5 s) both outlast this: only readings taken beside
            // the ticks can pass it.
            Awaitility.await("every pot takes " + DURING_FREEZE + " readings while the broker is frozen")
                    .atMost(Duration.ofSeconds(4)).pollInterval(Duration.ofMillis(50))
                    .until(() -> fleet.pots().stream().allMatch(p -> p.readingsTaken() >= atFreeze.get(p) + DURING_FREEZE));
            broker.thaw();

            Awaitility.await("every queue drained after the thaw").atMost(Duration.ofSeconds(30))
                    .until(() -> fleet.snapshot().queued == 0 && fleet.snapshot().online == POTS);
            assertEquals(0, fleet.stop(20_000), "every pot stopped");
            for (FleetPot pot : fleet.pots()) {
                assertEquals(0, pot.node().droppedReadings(), pot.clientId() + " dropped nothing");
                assertThat(mothership).within(Duration.ofSeconds(10)).receivedExactly(PotId.of(pot.clientId()),
                        pot.readingsTaken());
            }
            assertOnePayloadPerReading(mothership);
        }
    }

    /** A resend after the thaw sends the bytes the reading was taken with: one (pot, boot, seq), one payload. */
    private static void assertOnePayloadPerReading(MothershipStandIn mothership) {
        PayloadDecoder decoder = new PayloadDecoder();
        Map<String, Set<String>> payloads = new HashMap<>();
        for (String payload : mothership.payloads(MothershipStandIn.READINGS)) {
            Decoded d = decoder.decode(MothershipStandIn.READINGS, payload.getBytes(StandardCharsets.UTF_8));
            assertTrue(d instanceof Decoded.Reading, "a reading: " + payload);
            Decoded.Reading r = (Decoded.Reading) d;
            payloads.computeIfAbsent(r.potId + " boot " + r.boot + " #" + r.seq, k -> new HashSet<>()).add(payload);
        }
        for (Map.Entry<String, Set<String>> e : payloads.entrySet()) {
            assertEquals(1, e.getValue().size(), e.getKey() + " arrived with different payloads: " + e.getValue());
        }
    }

    private static SimulatedFleet fleetOf(String brokerUri) throws Exception {
        ConfigReader reader = new ConfigReader(ConfigSource.parse(GivenPot.FAST + "mqtt.broker = " + brokerUri + "\n",
                "fleet-frozen-it.properties"));
        DeviceConfig device = DeviceConfig.read(reader);
        SimulatorConfig world = SimulatorConfig.read(reader, device);
        reader.finish();
        // Two scheduler threads: the freeze holds both at once.
        return new SimulatedFleet(device, world, POTS, 100, 2, new FleetConsole(line -> { }, false), SimulatedFleet.hiveMq());
    }
}
