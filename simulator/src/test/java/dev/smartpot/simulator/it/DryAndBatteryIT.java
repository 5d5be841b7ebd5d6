package dev.smartpot.simulator.it;

import static dev.smartpot.simulator.kit.GivenPot.givenPot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.smartpot.simulator.kit.RunningPot;
import dev.smartpot.testkit.Mosquitto;
import dev.smartpot.testkit.MothershipStandIn;

/**
 * A pot on batteries against a real Mosquitto, watched by an independent subscriber: it publishes only every 100th
 * reading, so a reading that arrives earlier went out because the soil became dry (or was watered back above the
 * hysteresis) at that wake. The readings carry the simulated battery's voltage, which falls from wake to wake.
 */
class DryAndBatteryIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** 15-minute readings published every 100th, each sleep shortened 900 times; a 1 mAh battery so its fall shows. */
    private static final String BATTERY = String.join("\n",
            "power.mode = deep-sleep",
            "publish.interval = 15m",
            "sleep.publish.every = 100",
            "sleep.publish.dry.below = 30",
            "homeassistant.discovery = false",
            "reboot.after = 0",
            "battery.adc.pin = 35",
            "sim.battery.mah = 1",
            "sim.sleep.speedup = 900",
            "sim.wifi.join.delay = 100ms",
            "sim.soil.moisture = 60",
            "sim.soil.drying = 0",
            "sim.sensor.spikes = 0",
            "sim.seed = dry-pot",
            "");

    private Mosquitto broker;
    private MothershipStandIn mothership;
    private RunningPot pot;

    @BeforeEach
    void start() {
        broker = Mosquitto.start();
        mothership = MothershipStandIn.on(broker.uri(), "to_mothership/#");
        pot = givenPot().withConfig(BATTERY).on(broker);
    }

    @AfterEach
    void stop() {
        pot.close();
        mothership.close();
        broker.close();
    }

    /** The readings received, by seq (a QoS 1 duplicate counted once). */
    private Map<Long, JsonNode> readings() throws Exception {
        Map<Long, JsonNode> bySeq = new LinkedHashMap<>();
        for (String p : mothership.payloads("to_mothership")) {
            JsonNode n = JSON.readTree(p);
            bySeq.putIfAbsent(n.get("seq").asLong(), n);
        }
        return bySeq;
    }

    private JsonNode awaitReading(String what, java.util.function.Predicate<JsonNode> which) {
        JsonNode[] found = new JsonNode[1];
        Awaitility.await(what).atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode n : readings().values()) {
                if (which.test(n)) {
                    found[0] = n;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    @Test
    void theSoilBecomingDryAndBeingWateredArePublishedAtOnceAndTheBatteryVoltageFalls() throws Exception {
        JsonNode first = awaitReading("the first boot's reading", n -> n.get("seq").asLong() == 0);
        assertTrue(first.get("moisture").asDouble() > 50, first.toString());

        pot.simulated().soil().setMoisturePercent(20);
        JsonNode dry = awaitReading("a dry reading, long before the 100th", n -> n.get("moisture").asDouble() < 30);
        long drySeq = dry.get("seq").asLong();
        assertTrue(drySeq < 100, "published at once, not at the 100th reading: " + dry);

        pot.simulated().soil().setMoisturePercent(60);
        JsonNode wet = awaitReading("a watered reading after the dry one",
                n -> n.get("seq").asLong() > drySeq && n.get("moisture").asDouble() > 33);
        long wetSeq = wet.get("seq").asLong();
        assertTrue(wetSeq < 100, "published at once: " + wet);

        Map<Long, JsonNode> all = readings();
        List<Long> expected = new ArrayList<>();
        for (long s = 0; s <= wetSeq; s++) {
            expected.add(s);
        }
        assertEquals(expected, new ArrayList<>(all.keySet()), "every seq once, in order, each trigger with the readings kept before it");

        // The readings taken at a publishing wake carry the voltage; those kept from earlier wakes do not.
        List<Long> volts = new ArrayList<>();
        for (JsonNode n : all.values()) {
            if (n.has("battery_mv")) {
                volts.add(n.get("battery_mv").asLong());
            }
        }
        assertEquals(List.of(0L, drySeq, wetSeq), all.values().stream().filter(n -> n.has("battery_mv"))
                .map(n -> n.get("seq").asLong()).toList(), "the voltage rides on the reading of the wake that measured it");
        System.out.println("battery_mv at the publishing wakes (seq 0, " + drySeq + " dry, " + wetSeq + " watered): " + volts);
        assertTrue(volts.get(0) > volts.get(1) && volts.get(1) > volts.get(2), "the 1 mAh pack runs down wake by wake: " + volts);
        assertTrue(volts.get(0) <= 3000 && volts.get(2) >= 2000, volts.toString());
        assertTrue(pot.console().contains("the soil became dry ("), pot.console());
        assertTrue(pot.console().contains("the soil is no longer dry ("), pot.console());
    }
}
