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
import org.junit.jupiter.api.Test;

import dev.smartpot.simulator.kit.RunningPot;
import dev.smartpot.testkit.Mosquitto;
import dev.smartpot.testkit.MosquittoClients;
import dev.smartpot.testkit.MothershipStandIn;
import dev.smartpot.protocol.Decoded;
import dev.smartpot.protocol.StatusDecoder;

/**
 * A pot on batteries against a real Mosquitto, watched by an independent subscriber: every seq arrives although the
 * core is rebuilt at each wake and joins WiFi only every 4th reading; a command sent while it sleeps is taken at its
 * next publishing wake; its retained status says it sleeps. The wakes' measured phases go to
 * target/deep-sleep-wakes.md (figures for BENCHMARKS.md, not asserted).
 */
class DeepSleepIT {

    /** 15-minute readings, every 4th published; over the kit's quick defaults (each test shortens the sleeps). */
    private static final String BATTERY = String.join("\n",
            "wifi.ssid = TestNet",
            "wifi.password = test-password",
            "power.mode = deep-sleep",
            "publish.interval = 15m",
            "sleep.publish.every = 4",
            "homeassistant.discovery = false",
            "reboot.after = 0",
            "sim.wifi.join.model = true",
            "wifi.ip = 192.168.1.50",
            "wifi.netmask = 255.255.255.0",
            "wifi.gateway = 192.168.1.1",
            "sim.seed = battery-pot",
            "");
    private static final Pattern WAKE = Pattern.compile("wake: reading #(\\d+), \\d+ kept; awake (\\d+) ms = boot 300 \\(modelled\\)"
            + " \\+ read (\\d+) \\+ WiFi join (\\d+) \\+ MQTT connect (\\d+) \\+ publish (\\d+) \\((\\d+) readings\\) \\+ listen (\\d+); (\\d+) round trips");

    private Mosquitto broker;
    private MothershipStandIn mothership;
    private RunningPot pot;

    /** @param sleepSpeedup each 15-minute sleep is waited this many times shorter */
    private void start(Mosquitto withBroker, int sleepSpeedup) {
        broker = withBroker;
        mothership = MothershipStandIn.on(broker.uri(), "to_mothership/#");
        pot = givenPot().withConfig(BATTERY).with("sim.sleep.speedup", Integer.toString(sleepSpeedup)).on(broker);
    }

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {pot, mothership, broker}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private String console() {
        return pot.console();
    }

    @Test
    void everySeqArrivesACommandSentDuringSleepIsTakenAtTheNextWakeAndTheStatusSaysSleeping() throws Exception {
        // Sleeps of a quarter second: the cadence is SimulatedPotOnManualTimeTest's; this checks the wire.
        start(Mosquitto.start(), 3600);
        Awaitility.await("the first publishing wake").atMost(Duration.ofSeconds(20))
                .until(() -> !mothership.payloads("to_mothership").isEmpty());
        String statusTopic = "to_mothership/" + pot.clientId() + "/status";
        Awaitility.await("the retained status says the pot sleeps").atMost(Duration.ofSeconds(10))
                .until(() -> !mothership.payloads(statusTopic).isEmpty());
        Decoded.Status asleep = StatusDecoder.decode(pot.clientId(), mothership.payloads(statusTopic).get(0));
        assertTrue(asleep != null && asleep.asleep() && asleep.wakeAtMillis != null, mothership.payloads(statusTopic).toString());
        assertTrue(asleep.wake.wifiMillis > 0 && asleep.wake.awakeMillis > asleep.wake.wifiMillis && asleep.wake.readings >= 1,
                "the wake's phases, measured: " + mothership.payloads(statusTopic));

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
        assertTrue(reply.matches(".*\"round_trips\":\\d+,\"session_kept\":(true|false),\"wifi_saved_access_point\":(true|false),.*"), reply);

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
        assertEquals(List.of(), mothership.payloads(statusTopic).stream().filter(s -> !s.startsWith("{\"state\":\"asleep\"")).toList(),
                "never offline, never online: a sleeping pot says so");
        int wakes = pot.simulated().wakes();
        int radioStops = pot.simulated().wlan().radioStops();
        assertTrue(radioStops == wakes || radioStops == wakes + 1,
                "WiFi stopped before every deep sleep (the one under way counted too): " + radioStops + " stops, " + wakes + " wakes");
        writeFigures();
    }

    /**
     * On the wire (the broker's own log): the first wake subscribes, the later ones find their session kept and send
     * no SUBSCRIBE, yet a command sent while the pot sleeps arrives; a broker restarted without persistence has lost
     * the session, so the next wake subscribes again, and commands arrive again.
     */
    @Test
    void laterWakesSendNoSubscribeWhileTheBrokerKeepsTheSessionAndSubscribeAgainAfterItLostIt() throws Exception {
        // Sleeps of a second: a command sent while the pot sleeps must not meet it awake.
        start(Mosquitto.configure().persistence(false).start(), 900);
        String id = pot.clientId();
        Awaitility.await("three publishing wakes").atMost(Duration.ofSeconds(40)).until(() -> subscribesPerConnect(id).size() >= 3);
        List<Integer> perConnect = subscribesPerConnect(id);
        assertTrue(perConnect.get(0) >= 2, "the first wake subscribes to the command topics: " + perConnect);
        assertEquals(List.of(0, 0), perConnect.subList(1, 3), "later wakes resume the session: no SUBSCRIBE\n" + broker.log());
        assertTrue(console().contains("(session kept by the broker: nothing to subscribe)"), console());

        String replies = "to_mothership/" + id + "/reply";
        awaitAsleep(id);
        int connects = subscribesPerConnect(id).size();
        new MosquittoClients(broker).pubQos1("from_mothership/" + id, "status");
        Awaitility.await("the reply to a command sent during sleep").atMost(Duration.ofSeconds(20))
                .until(() -> !mothership.payloads(replies).isEmpty());
        assertTrue(subscribesPerConnect(id).size() > connects, "taken at a later wake");

        broker.kill();
        broker.restart();
        int before = subscribesPerConnect(id).size();
        Awaitility.await("a wake after the restart").atMost(Duration.ofSeconds(40))
                .until(() -> subscribesPerConnect(id).size() > before);
        int restartConnect = subscribesPerConnect(id).size() - 1;
        Awaitility.await("its SUBSCRIBEs logged").atMost(Duration.ofSeconds(5))
                .until(() -> subscribesPerConnect(id).get(restartConnect) >= 2);

        // The mothership's own subscription went with the broker's memory: a fresh one, then a command during sleep.
        mothership.close();
        mothership = MothershipStandIn.on(broker.uri(), "to_mothership/#");
        awaitAsleep(id);
        int beforeCommand = subscribesPerConnect(id).size();
        new MosquittoClients(broker).pubQos1("from_mothership/" + id, "status");
        Awaitility.await("a command after the restart is answered").atMost(Duration.ofSeconds(20))
                .until(() -> !mothership.payloads(replies).isEmpty());
        assertTrue(subscribesPerConnect(id).size() > beforeCommand, "taken at a later wake");
        assertEquals(0, subscribesPerConnect(id).get(subscribesPerConnect(id).size() - 1), "and that wake found the new session kept");
        assertTrue(!distinctSeqs().isEmpty(), "readings flow again");
    }

    /** Until the pot's last exchange with the broker is its goodbye: it sleeps, and the next connect is a later wake. */
    private void awaitAsleep(String clientId) {
        Awaitility.await("the pot asleep").atMost(Duration.ofSeconds(20)).until(() -> {
            String last = "";
            for (String line : broker.log().split("\n")) {
                if (line.contains(clientId)) {
                    last = line;
                }
            }
            return last.contains("Client " + clientId + " disconnected");
        });
    }

    /** For each connect of {@code clientId} in the broker's log, in order, the SUBSCRIBE packets it sent. */
    private List<Integer> subscribesPerConnect(String clientId) {
        List<Integer> counts = new ArrayList<>();
        for (String line : broker.log().split("\n")) {
            if (line.contains("New client connected") && line.contains(" as " + clientId + " ")) {
                counts.add(0);
            } else if (line.endsWith("Received SUBSCRIBE from " + clientId) && !counts.isEmpty()) {
                counts.set(counts.size() - 1, counts.get(counts.size() - 1) + 1);
            }
        }
        return counts;
    }

    private List<Long> distinctSeqs() {
        return new ArrayList<>(new LinkedHashSet<>(mothership.seqs("to_mothership")));
    }

    /** Each publishing wake's phases, as the pot logged them. */
    private void writeFigures() throws Exception {
        StringBuilder table = new StringBuilder("| wake (reading) | readings sent | MQTT connect ms | publish ms | listen ms |"
                + " connect+publish+listen ms | WiFi join ms (modelled) | awake ms incl. modelled boot | round trips |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        Matcher m = WAKE.matcher(console());
        int rows = 0;
        while (m.find()) {
            long connect = Long.parseLong(m.group(5));
            long publish = Long.parseLong(m.group(6));
            long listen = Long.parseLong(m.group(8));
            table.append("| #").append(m.group(1)).append(" | ").append(m.group(7)).append(" | ").append(connect).append(" | ")
                    .append(publish).append(" | ").append(listen).append(" | ").append(connect + publish + listen).append(" | ")
                    .append(m.group(4)).append(" | ").append(m.group(2)).append(" | ").append(m.group(9)).append(" |\n");
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
