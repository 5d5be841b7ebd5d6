package dev.smartpot.simulator.it;

import static dev.smartpot.simulator.kit.GivenPot.givenPot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.smartpot.simulator.kit.RunningPot;
import dev.smartpot.testkit.Mosquitto;
import dev.smartpot.testkit.MosquittoClients;
import dev.smartpot.testkit.Mothership;

/**
 * A pot on batteries against a real Mosquitto, watched by an independent subscriber: every seq arrives although the
 * core is rebuilt at each wake and joins WiFi only every 4th reading; a command sent while it sleeps is taken at its
 * next publishing wake; its retained status says it sleeps. The wakes' measured phases go to
 * target/deep-sleep-wakes.md (figures for BENCHMARKS.md, not asserted).
 */
class DeepSleepIT {

    /** 15-minute readings, every 4th published, each sleep shortened 900 times (one second); over the kit's quick defaults. */
    private static final String BATTERY = String.join("\n",
            "wifi.ssid = TestNet",
            "wifi.password = test-password",
            "power.mode = deep-sleep",
            "publish.interval = 15m",
            "sleep.publish.every = 4",
            "homeassistant.discovery = false",
            "reboot.after = 0",
            "sim.sleep.speedup = 900",
            "sim.wifi.join.delay = 500ms",
            "sim.seed = battery-pot",
            "");
    private static final Pattern WAKE = Pattern.compile("wake: reading #(\\d+), \\d+ kept; awake (\\d+) ms = boot 300 \\(modelled\\)"
            + " \\+ read (\\d+) \\+ WiFi join (\\d+) \\+ MQTT connect (\\d+) \\+ publish (\\d+) \\((\\d+) readings\\) \\+ listen (\\d+)");

    private Mosquitto broker;
    private Mothership mothership;
    private RunningPot pot;

    @BeforeEach
    void start() {
        broker = Mosquitto.start();
        mothership = Mothership.on(broker.uri(), "to_mothership/#");
        pot = givenPot().withConfig(BATTERY).on(broker);
    }

    @AfterEach
    void stop() {
        pot.close();
        mothership.close();
        broker.close();
    }

    private String console() {
        return pot.console();
    }

    @Test
    void everySeqArrivesACommandSentDuringSleepIsTakenAtTheNextWakeAndTheStatusSaysSleeping() throws Exception {
        Awaitility.await("the first publishing wake").atMost(Duration.ofSeconds(20))
                .until(() -> !mothership.payloads("to_mothership").isEmpty());
        String statusTopic = "to_mothership/" + pot.clientId() + "/status";
        Awaitility.await("the retained status says the pot sleeps").atMost(Duration.ofSeconds(10))
                .until(() -> !mothership.payloads(statusTopic).isEmpty());
        assertTrue(mothership.payloads(statusTopic).get(0).matches("sleeping until \\d\\d:\\d\\d UTC"),
                mothership.payloads(statusTopic).toString());

        // Sent while the pot sleeps: the broker keeps it in the pot's persistent session.
        int wakesBefore = pot.simulated().wakes();
        new MosquittoClients(broker).pubQos1("from_mothership/" + pot.clientId(), "status");
        String replies = "to_mothership/" + pot.clientId() + "/reply";
        Awaitility.await("the reply at the next publishing wake").atMost(Duration.ofSeconds(20))
                .until(() -> !mothership.payloads(replies).isEmpty());
        assertTrue(pot.simulated().wakes() > wakesBefore, "taken at a later wake, not before the pot slept");
        String reply = mothership.payloads(replies).get(0);
        assertTrue(reply.startsWith("{\"ok\":true,\"command\":\"status\""), reply);
        assertTrue(reply.contains("\"power\":{\"boot_ms_modelled\":300,"), reply);

        Awaitility.await("16 readings published").atMost(Duration.ofSeconds(40))
                .until(() -> distinctSeqs().size() >= 16);
        List<Long> seqs = distinctSeqs();
        List<Long> expected = new ArrayList<>();
        for (long s = 0; s < seqs.size(); s++) {
            expected.add(s);
        }
        assertEquals(expected, seqs, "every seq once, in order, across the wakes\n" + console());
        assertTrue(mothership.payloads("to_mothership").stream().allMatch(p -> p.contains("\"boot\":1,")),
                "a wake from deep sleep is not a reboot");
        assertEquals(List.of(), mothership.payloads(statusTopic).stream().filter(s -> !s.startsWith("sleeping")).toList(),
                "never offline, never online: a sleeping pot says so");
        writeFigures();
    }

    private List<Long> distinctSeqs() {
        return new ArrayList<>(new LinkedHashSet<>(mothership.seqs("to_mothership")));
    }

    /** Each publishing wake's phases, as the pot logged them. */
    private void writeFigures() throws Exception {
        StringBuilder table = new StringBuilder("| wake (reading) | readings sent | MQTT connect ms | publish ms | listen ms |"
                + " connect+publish+listen ms | WiFi join ms (modelled) | awake ms incl. modelled boot |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        Matcher m = WAKE.matcher(console());
        int rows = 0;
        while (m.find()) {
            long connect = Long.parseLong(m.group(5));
            long publish = Long.parseLong(m.group(6));
            long listen = Long.parseLong(m.group(8));
            table.append("| #").append(m.group(1)).append(" | ").append(m.group(7)).append(" | ").append(connect).append(" | ")
                    .append(publish).append(" | ").append(listen).append(" | ").append(connect + publish + listen).append(" | ")
                    .append(m.group(4)).append(" | ").append(m.group(2)).append(" |\n");
            rows++;
        }
        assertTrue(rows >= 4, "publishing wakes logged their phases\n" + console());
        String energy = console().lines().filter(l -> l.contains("energy (ESP32")).reduce((a, b) -> b).orElse("");
        String report = table + "\nLast energy line: " + energy.substring(energy.indexOf("energy")) + "\n";
        System.out.println("\nDeep-sleep wakes against Mosquitto:\n" + report);
        Path out = Path.of("target", "deep-sleep-wakes.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }
}
