package dev.smartpot.simulator.it;

import static dev.smartpot.simulator.it.SimulateCommand.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smartpot.testkit.Mosquitto;
import dev.smartpot.testkit.MosquittoClients;
import dev.smartpot.testkit.Processes;
import dev.smartpot.testkit.RequiredTool;

/**
 * {@code scripts/simulate --forget} as a user runs it after a pot or a fleet stopped: what they retained on a real
 * Mosquitto is gone (a fresh subscriber finds nothing of theirs, and another pot's is untouched), and so is the
 * session a deep-sleep pot left.
 */
class ForgetCommandLineIT {

    private final Path template = PotConfigs.copyOf("simulator.properties");
    /** The template's pot (sim.seed = pot-1). */
    private static final String POT_1 = "02578bded277";

    /** What a client connecting now would be handed: every retained message, as "topic payload" lines. */
    private static List<String> retained(MosquittoClients clients) {
        // --retained-only exits on the first live message: the marker, sent after the retained ones.
        Process sub = clients.sub("--retained-only", "-v", "-t", "#", "-t", "test/end");
        clients.pub("test/end", "end");
        return MosquittoClients.lines(sub);
    }

    @Test
    void forgetRemovesThePotsStatusAndHomeAssistantConfigsAndNothingElse() {
        try (Mosquitto mosquitto = Mosquitto.start()) {
            MosquittoClients clients = new MosquittoClients(mosquitto);
            clients.pubRetained("to_mothership/0123456789ab/status", "online");
            String[] r = run("--config", template.toString(), "--broker", mosquitto.uri(), "--readings", "1");
            assertEquals("0", r[0], r[1] + r[2]);
            assertEquals(7, retained(clients).size(), "the pot's status, about, connect record and 3 configs, and another pot's status: "
                    + retained(clients));

            r = run("--config", template.toString(), "--broker", mosquitto.uri(), "--forget");
            assertEquals("0", r[0], r[1] + r[2]);
            assertTrue(r[1].contains("simulate: --forget: " + POT_1 + " on " + mosquitto.uri() + ": removed status to_mothership/" + POT_1
                    + "/status (\"offline\"), its about and 3 Home Assistant configs [homeassistant/"), r[1]);
            assertTrue(r[1].contains("simulate: --forget: 1 pot on " + mosquitto.uri() + ": removed 1 retained status, 1 about and 3 Home"
                    + " Assistant configs; connected once with a clean session, which ends any session the broker kept"), r[1]);
            assertEquals(List.of("to_mothership/0123456789ab/status online"), retained(clients), "another pot's status stays");

            r = run("--config", template.toString(), "--broker", mosquitto.uri(), "--forget");
            assertEquals("0", r[0], r[1] + r[2]);
            assertTrue(r[1].contains(": nothing retained"), r[1]);
        }
    }

    @Test
    void forgetWithTheFleetsSeedAndCountRemovesWhatTheFleetLeft() {
        try (Mosquitto mosquitto = Mosquitto.start()) {
            MosquittoClients clients = new MosquittoClients(mosquitto);
            String[] r = run("--config", template.toString(), "--broker", mosquitto.uri(), "--devices", "3", "--seed", "shelf",
                    "--discovery", "--fresh", "--readings", "1");
            assertEquals("0", r[0], r[1] + r[2]);
            assertTrue(r[1].contains("simulate: --fresh: a fleet keeps no saved settings (a command's setting lasts for the run);"
                    + " nothing to set aside"), r[1]);
            assertEquals(18, retained(clients).size(), "3 statuses, 3 abouts, 3 connect records and 9 configs: " + retained(clients));

            r = run("--config", template.toString(), "--broker", mosquitto.uri(), "--devices", "3", "--seed", "shelf", "--forget");
            assertEquals("0", r[0], r[1] + r[2]);
            assertTrue(r[1].contains("simulate: --forget: 3 pots on " + mosquitto.uri() + ": removed 3 retained statuses, 3 abouts and 9 Home"
                    + " Assistant configs"), r[1]);
            assertEquals(List.of(), retained(clients));
        }
    }

    @Test
    void forgetEndsTheSessionADeepSleepPotLeftSoNoCommandQueuesForItAnyMore(@TempDir Path dir) throws Exception {
        try (Mosquitto mosquitto = Mosquitto.start()) {
            Path config = dir.resolve("battery.properties");
            Files.writeString(config, Files.readString(Path.of("..", "board-config", "simulator-battery.properties"))
                    .replace("mqtt.broker = 127.0.0.1", "mqtt.broker = " + mosquitto.uri()).replace("sim.sleep.speedup = 300",
                            "sim.sleep.speedup = 900"));
            String[] r = run("--config", config.toString(), "--readings", "1");
            assertEquals("0", r[0], r[1] + r[2]);
            MosquittoClients clients = new MosquittoClients(mosquitto);
            String command = "from_mothership/" + POT_1;

            // The broker keeps the sleeping pot's session: a command sent now waits for it.
            clients.pubQos1(command, "status");
            Processes.Finished kept = resumeSessionOf(mosquitto, POT_1);
            assertEquals(0, kept.exitCode(), kept.output());
            assertEquals(command + " status", kept.output().trim());

            clients.pubQos1(command, "status");
            r = run("--config", config.toString(), "--forget");
            assertEquals("0", r[0], r[1] + r[2]);
            assertTrue(r[1].contains("removed status to_mothership/" + POT_1 + "/status (\"{\"state\":\"asleep\""), r[1]);

            Processes.Finished gone = resumeSessionOf(mosquitto, POT_1);
            assertEquals(27, gone.exitCode(), "nothing was waiting: " + gone.output());
        }
    }

    /** Connects as {@code clientId} without a clean session and prints the first message the broker hands over (3 s). */
    private static Processes.Finished resumeSessionOf(Mosquitto mosquitto, String clientId) {
        return Processes.run(new ProcessBuilder(RequiredTool.MOSQUITTO_SUB.path(), "-h", "127.0.0.1", "-p",
                Integer.toString(mosquitto.port()), "-c", "-i", clientId, "-q", "1", "-t", "test/unused", "-v", "-C", "1", "-W", "3")
                .redirectErrorStream(true), Duration.ofSeconds(20));
    }

    @Test
    void aBrokerThatIsNotThereIsAnErrorWithTheFixAndTheEmbeddedOneHasNothingToForget() throws Exception {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            free = probe.getLocalPort();
        }
        String[] r = run("--config", template.toString(), "--broker", "tcp://127.0.0.1:" + free, "--forget");
        assertEquals("1", r[0], r[1] + r[2]);
        assertTrue(r[2].contains("simulate: --forget could not reach tcp://127.0.0.1:" + free + " as " + POT_1 + ": "), r[2]);
        assertTrue(r[2].contains("Fix: start the broker the pots used (scripts/broker), or name it with --broker URI"), r[2]);

        r = run("--config", template.toString(), "--forget");
        assertEquals("0", r[0], r[1] + r[2]);
        assertTrue(r[1].contains("simulate: --forget: nothing to forget on the embedded broker"), r[1]);
        assertFalse(r[1].contains("listening"), "no broker was started: " + r[1]);
    }
}
