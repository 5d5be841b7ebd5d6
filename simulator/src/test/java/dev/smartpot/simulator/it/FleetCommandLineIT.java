package dev.smartpot.simulator.it;

import static dev.smartpot.simulator.it.SimulateCommand.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smartpot.testkit.Mosquitto;
import dev.smartpot.testkit.MosquittoClients;

/** {@code scripts/simulate --devices N} as a user runs it, with its output going to a file (not a terminal). */
class FleetCommandLineIT {

    private final String template = PotConfigs.copyOf("simulator.properties").toString();

    @Test
    void aSmallFleetWithViewPrintsPlainLinesWithAPotPerLineAndATally() {
        String[] r = run("--config", template, "--port", "0", "--devices", "5", "--interval", "1s", "--duration", "9s", "--view");
        String out = r[1];
        assertEquals("0", r[0], out + r[2]);
        assertTrue(out.contains("smartpot fleet: 5 pots on tcp://127.0.0.1:"), out);
        assertTrue(out.matches("(?s).*a reading each every 1s to to_mothership/\\+ .*"), "a fleet's default: a readings topic per pot: " + out);
        assertTrue(out.matches("(?s).*watch the readings: +mosquitto_sub -h 127\\.0\\.0\\.1 -p \\d+ -t to_mothership/\\+ -v.*"), out);
        assertTrue(out.contains("--view: output is not a terminal, so the view is printed as plain lines"), out);
        assertFalse(out.contains("\033["), "no escape codes in a file");
        assertTrue(out.matches("(?s).*fleet: 5/5 started, 5 online, 0 reconnecting, \\d+ queued, 0 dropped, [0-9.]+ readings/s.*"), out);
        assertTrue(out.matches("(?s).*\\n  [0-9a-f]{12} online   [\u2588\u2591]{20}  \\d+\\.\\d%  queued \\d+  dropped 0  reconnects 0  \\(soil model: \\d+\\.\\d%\\)\\n.*"), out);
        assertTrue(out.matches("(?s).*fleet: stopped 5 of 5 pots after [0-9.]+s: (\\d+) readings taken, \\1 published, 0 still queued, 0 dropped.*"), out);
        assertFalse(out.contains("INFO"), "a fleet prints summaries, not every pot's lines: " + out);
    }

    @Test
    void aFleetKeepsTheReadingsTopicItsConfigNames(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("shared.properties");
        Files.writeString(config, Files.readString(Path.of(template)) + "\nmqtt.topic.publish = to_mothership\n");
        String[] r = run("--config", config.toString(), "--port", "0", "--devices", "2", "--duration", "2s");
        assertEquals("0", r[0], r[1] + r[2]);
        assertTrue(r[1].contains(" to to_mothership (HiveMQ client"), r[1]);
        assertTrue(r[1].matches("(?s).*watch the readings: +mosquitto_sub -h 127\\.0\\.0\\.1 -p \\d+ -t to_mothership -v.*"), r[1]);
    }

    @Test
    void aFleetLeavesNoHomeAssistantDevicesBehindUnlessAskedAndClearsWhatItLeftBefore() {
        try (Mosquitto mosquitto = Mosquitto.start()) {
            MosquittoClients clients = new MosquittoClients(mosquitto);
            String[] r = run("--config", template, "--broker", mosquitto.uri(), "--devices", "2", "--discovery", "--readings", "1");
            assertEquals("0", r[0], r[1] + r[2]);
            assertTrue(r[1].contains("simulate: --readings 1 published by every pot, stopping 2 pots"), r[1]);
            assertTrue(r[1].contains("  Home Assistant:       every pot announced under homeassistant/ (retained: they stay after"
                    + " the fleet stops)"), r[1]);
            assertEquals(6, retainedDiscoveryConfigs(clients).size(), "three entities per pot");

            r = run("--config", template, "--broker", mosquitto.uri(), "--devices", "2", "--readings", "1");
            assertEquals("0", r[0], r[1] + r[2]);
            assertTrue(r[1].contains("  Home Assistant:       not announced, a fleet's default, and configs these pots retained"
                    + " before are cleared (--discovery announces them)"), r[1]);
            assertEquals(List.of(), retainedDiscoveryConfigs(clients));
        }
    }

    /** What Home Assistant would find on connecting: every retained message under its discovery prefix. */
    private static List<String> retainedDiscoveryConfigs(MosquittoClients clients) {
        // --retained-only exits on the first live message: the marker, sent after the retained ones.
        Process sub = clients.sub("--retained-only", "-v", "-t", "homeassistant/#", "-t", "test/end");
        clients.pub("test/end", "end");
        return MosquittoClients.lines(sub);
    }

    /**
     * A fleet of battery pots sleeps and wakes as one battery pot does: each pot's first wake publishes, the next three
     * only read, the fourth publishes the four it kept (sleep.publish.every = 4), all in the fleet's one process.
     */
    @Test
    void aFleetOfBatteryPotsSleepsAndWakesAsASinglePotDoes() {
        String battery = PotConfigs.copyOf("simulator-battery.properties").toString();
        String[] r = run("--config", battery, "--broker", "embedded", "--port", "0", "--devices", "2", "--readings", "2",
                "--duration", "60s", "--pot-logs");
        String out = r[1];
        assertEquals("0", r[0], out + r[2]);
        assertTrue(out.contains("simulate: --readings 2 published by every pot, stopping 2 pots"), out);
        assertTrue(out.matches("(?s).*fleet: stopped 2 of 2 pots after [0-9.]+s: \\d+ readings taken, \\d+ published, .* 0 dropped.*"),
                out);
        assertTrue(out.lines().filter(l -> l.matches(".*wake: reading #3, 3 kept; .*")).count() == 2,
                "each pot's fourth wake only read, its readings kept in retained memory: " + out);
        assertTrue(out.lines().filter(l -> l.contains("deep sleep for ")).count() >= 8, "two pots, four sleeps each: " + out);
        assertFalse(out.contains("Exception"), out);
    }

    @Test
    void badFleetFlagsExitWithTwoAndSayHowToFixThem() {
        String[] r = run("--config", template, "--devices", "0");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--devices 0 is out of range 1 to 100000. Fix: pass a pot count such as --devices 1000"), r[2]);
        r = run("--config", template, "--devices", "10", "--ramp", "fast");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--ramp \"fast\" is not a rate. Fix: write connects per second, e.g. --ramp 500/s"), r[2]);
        r = run("--config", template, "--devices", "3", "--chip-id", "a4:cf:12:b0:c0:de");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--chip-id names one pot, but --devices runs a fleet whose ids come from sim.seed."
                + " Fix: pass --seed TEXT instead (pot N of the fleet is seeded TEXT-N)"), r[2]);
    }
}
