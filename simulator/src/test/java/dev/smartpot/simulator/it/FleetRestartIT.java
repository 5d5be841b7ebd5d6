package dev.smartpot.simulator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.protocol.Decoded;
import dev.smartpot.protocol.PayloadDecoder;
import dev.smartpot.simulator.board.SimulatorConfig;
import dev.smartpot.simulator.fleet.FleetConsole;
import dev.smartpot.simulator.fleet.SimulatedFleet;
import dev.smartpot.simulator.kit.GivenPot;
import dev.smartpot.testkit.Mosquitto;
import dev.smartpot.testkit.MothershipStandIn;

/**
 * A reading's identity never repeats: a fleet stopped and started again on the same state folder goes on with each
 * pot's next boot, as boards do (their boot counter lives in RTC memory and flash), so no (pot, boot, seq) is sent
 * twice and the mothership never takes a new reading for an old one.
 */
class FleetRestartIT {

    private static final int POTS = 3;

    @Test
    void aRestartedFleetGoesOnWithEachPotsNextBoot() throws Exception {
        Path state = Files.createDirectories(Path.of("target", "fleet-restart-it")).toAbsolutePath();
        try (var files = Files.list(state)) {
            files.forEach(p -> p.toFile().delete());
        }
        try (Mosquitto broker = Mosquitto.start(); MothershipStandIn mothership = MothershipStandIn.on(broker.uri())) {
            for (int run = 1; run <= 2; run++) {
                SimulatedFleet fleet = fleetOf(broker.uri(), state);
                fleet.start();
                int before = mothership.payloads(MothershipStandIn.READINGS).size();
                mothership.awaitReadings(before + POTS * 3, Duration.ofSeconds(20));
                assertEquals(0, fleet.stop(20_000), "every pot stopped");
            }
            Set<String> identities = new HashSet<>();
            TreeSet<Long> boots = new TreeSet<>();
            PayloadDecoder decoder = new PayloadDecoder();
            List<String> payloads = mothership.payloads(MothershipStandIn.READINGS);
            for (String p : payloads) {
                Decoded d = decoder.decode(MothershipStandIn.READINGS, p.getBytes(StandardCharsets.UTF_8));
                assertTrue(d instanceof Decoded.Reading, p);
                Decoded.Reading r = (Decoded.Reading) d;
                assertTrue(identities.add(r.potId + "/" + r.boot + "/" + r.seq), "sent twice: " + p);
                boots.add(r.boot);
            }
            assertEquals(new TreeSet<>(List.of(1L, 2L)), boots, "the second run is each pot's second boot");
        }
    }

    private static SimulatedFleet fleetOf(String brokerUri, Path state) throws Exception {
        ConfigReader reader = new ConfigReader(ConfigSource.parse(GivenPot.FAST + "mqtt.broker = " + brokerUri + "\n",
                "fleet-restart-it.properties"));
        DeviceConfig device = DeviceConfig.read(reader);
        SimulatorConfig world = SimulatorConfig.read(reader, device);
        reader.finish();
        return new SimulatedFleet(device, world, POTS, 100, 2, new FleetConsole(line -> { }, false),
                SimulatedFleet.hiveMq(), state);
    }
}
