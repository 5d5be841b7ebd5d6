package dev.smartpot.simulator.it;

import static dev.smartpot.simulator.it.SimulateCommand.noInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smartpot.simulator.SimulatorMain;
import dev.smartpot.simulator.it.SimulateCommand.Keyboard;
import dev.smartpot.simulator.it.SimulateCommand.Output;
import dev.smartpot.testkit.Mosquitto;
import dev.smartpot.testkit.MothershipStandIn;
import dev.smartpot.testkit.Processes;
import dev.smartpot.testkit.RequiredTool;

/** The main job as a user runs it: the command line, the embedded broker, the documented config. */
class SimulatorCommandLineIT {

    private final Path template = PotConfigs.copyOf("simulator.properties");

    @Test
    void runsOnTheEmbeddedBrokerAndPrintsLinesAUserCanPaste() throws Exception {
        Output out = new Output();
        Output err = new Output();
        Keyboard keys = new Keyboard();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> SimulatorMain.run(
                new String[] {"--config", template.toString(), "--port", "0", "--interval", "300ms"},
                out.stream, err.stream, keys));

        Pattern banner = Pattern.compile("mosquitto_sub -h 127\\.0\\.0\\.1 -p (\\d+) -t to_mothership -v");
        Awaitility.await("banner").atMost(Duration.ofSeconds(20)).until(() -> banner.matcher(out.text()).find());
        Matcher m = banner.matcher(out.text());
        assertTrue(m.find());
        String uri = "tcp://127.0.0.1:" + m.group(1);
        assertTrue(out.text().contains("mosquitto_pub -h 127.0.0.1 -p " + m.group(1) + " -t from_mothership -m \"wassap!\""), out.text());

        try (MothershipStandIn mothership = MothershipStandIn.on(uri)) {
            mothership.awaitCount("to_mothership", 3, Duration.ofSeconds(10));
            // The banner's own lines, pasted as a user would.
            Process sub = new ProcessBuilder(RequiredTool.MOSQUITTO_SUB.path(), "-h", "127.0.0.1", "-p", m.group(1), "-t", "to_mothership",
                    "-v", "-C", "1", "-W", "10").redirectErrorStream(true).start();
            Processes.Finished pub = Processes.run(new ProcessBuilder(RequiredTool.MOSQUITTO_PUB.path(), "-h", "127.0.0.1", "-p", m.group(1),
                    "-t", "from_mothership", "-m", "wassap!"), Duration.ofSeconds(20));
            assertEquals(0, pub.exitCode(), pub.output());
            Processes.Finished got = Processes.finish(sub, Duration.ofSeconds(20));
            assertEquals(0, got.exitCode(), "mosquitto_sub got a reading: " + got.output());
            assertTrue(got.output().startsWith("to_mothership {\"id\":"), got.output());
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> out.text().contains("(from_mothership, wassap!)"));
            keys.type("quit");
            assertEquals(0, (int) exit.get(30, TimeUnit.SECONDS));
            assertTrue(mothership.payloads("to_mothership").get(0).contains("\"moisture\":"));
        }
        assertTrue(out.text().matches("(?s).*published #\\d+ to to_mothership: moisture \\d+\\.\\d% \\(raw \\d+\\).*"), out.text());
        assertTrue(out.text().contains("stopped after"), out.text());
        assertFalse(out.text().contains("soil-is-life"), "the WiFi password is never printed");
    }

    @Test
    void aConfigThatNamesABrokerIsUsedAsWrittenAndTheBannerSaysWhy(@TempDir Path dir) throws Exception {
        try (Mosquitto mosquitto = Mosquitto.start(); MothershipStandIn mothership = MothershipStandIn.on(mosquitto.uri())) {
            Path config = dir.resolve("pot.properties");
            Files.writeString(config, Files.readString(template).replace("mqtt.broker = embedded", "mqtt.broker = " + mosquitto.uri()));
            Output out = new Output();
            Output err = new Output();
            int code = SimulatorMain.run(new String[] {"--config", config.toString(), "--interval", "300ms", "--readings", "1"},
                    out.stream, err.stream, noInput());
            assertEquals(0, code, err.text());
            assertTrue(out.text().contains("simulate: --readings 1 published, stopping"), out.text());
            mothership.awaitCount("to_mothership", 1, Duration.ofSeconds(5));
            assertTrue(out.text().contains("simulate: broker " + mosquitto.uri() + " (from mqtt.broker in " + config + ":33;"
                    + " --broker embedded runs the embedded one instead)"), out.text());
            assertFalse(out.text().contains("Moquette"), out.text());
        }
    }

    @Test
    void theShippedTemplateRunsOnTheEmbeddedBrokerAndSaysSo() throws Exception {
        Output out = new Output();
        Output err = new Output();
        int code = SimulatorMain.run(new String[] {"--config", template.toString(), "--port", "0", "--duration", "1s"},
                out.stream, err.stream, noInput());
        assertEquals(0, code, err.text());
        assertTrue(out.text().matches("(?s).*simulate: broker tcp://127\\.0\\.0\\.1:\\d+ \\(embedded: " + Pattern.quote(template + ":33")
                + " says mqtt.broker = embedded; set a broker there or pass --broker to use yours\\).*"), out.text());
        assertTrue(out.text().contains("embedded MQTT broker (Moquette) listening on 127.0.0.1:"), out.text());
        assertTrue(out.text().contains("--duration 1s reached, stopping"), out.text());
    }

    @Test
    void aRelativeConfigIsReadFromWhereTheUserTypedTheCommand(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pot.properties"), Files.readString(template).replace("device.name = Living room pot",
                "device.name = Balcony pot"));
        Path script = Path.of("..", "scripts", "simulate").toAbsolutePath().normalize();
        Processes.Finished run = Processes.run(new ProcessBuilder(script.toString(), "--config", "pot.properties",
                "--port", "0", "--duration", "2s").directory(dir.toFile()).redirectErrorStream(true), Duration.ofSeconds(120));
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("(Balcony pot) starting"), run.output());
        assertTrue(run.output().contains("(embedded: " + dir.toRealPath().resolve("pot.properties") + ":33 says mqtt.broker = embedded;")
                || run.output().contains("(embedded: " + dir.resolve("pot.properties") + ":33 says mqtt.broker = embedded;"), run.output());
    }

    @Test
    void aSecondPotRunWithTheSeedTheBannerSuggestsHasAnIdOfItsOwn() throws Exception {
        try (Mosquitto mosquitto = Mosquitto.start(); MothershipStandIn mothership = MothershipStandIn.on(mosquitto.uri())) {
            Output first = new Output();
            Output err = new Output();
            assertEquals(0, SimulatorMain.run(new String[] {"--config", template.toString(), "--broker", mosquitto.uri(),
                    "--interval", "300ms", "--readings", "1"}, first.stream, err.stream, noInput()), err.text());
            assertTrue(first.text().contains("simulate: a second pot beside this one needs an id of its own: ./scripts/simulate --seed pot-2"
                    + " (two pots with one id knock each other off)"), first.text());
            Output second = new Output();
            assertEquals(0, SimulatorMain.run(new String[] {"--config", template.toString(), "--broker", mosquitto.uri(), "--seed", "pot-2",
                    "--interval", "300ms", "--readings", "1"}, second.stream, err.stream, noInput()), err.text());
            assertTrue(second.text().contains("--seed pot-3"), second.text());
            Output third = new Output();
            assertEquals(0, SimulatorMain.run(new String[] {"--config", template.toString(), "--broker", mosquitto.uri(), "--chip-id",
                    "a4:cf:12:b0:c0:de", "--interval", "300ms", "--readings", "1"}, third.stream, err.stream,
                    noInput()), err.text());
            Awaitility.await("a reading from each of the three pots").atMost(Duration.ofSeconds(5))
                    .until(() -> mothership.seqsByPot().size() == 3);
            assertTrue(mothership.seqsByPot().containsKey("a4cf12b0c0de"), mothership.seqsByPot().toString());
        }
        Output out = new Output();
        Output err = new Output();
        assertEquals(2, SimulatorMain.run(new String[] {"--config", template.toString(), "--chip-id", "nope"}, out.stream, err.stream,
                noInput()));
        assertTrue(err.text().contains("command line --chip-id: sim.chip.id = \"nope\": is not a MAC address"), err.text());
    }

    @Test
    void whenThePortIsTakenTheEmbeddedBrokerMovesToAFreeOne() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            Output out = new Output();
            Output err = new Output();
            int code = SimulatorMain.run(new String[] {"--config", template.toString(), "--port",
                    Integer.toString(taken.getLocalPort()), "--duration", "1s"}, out.stream, err.stream,
                    noInput());
            assertEquals(0, code, err.text());
            Matcher m = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)").matcher(out.text());
            assertTrue(m.find(), out.text());
            assertTrue(Integer.parseInt(m.group(1)) != taken.getLocalPort(), out.text());
            assertTrue(out.text().contains("mosquitto_sub -h 127.0.0.1 -p " + m.group(1)), out.text());
        }
    }

    @Test
    void badConfigurationStartsNothingAndNamesEveryProblem(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("pot.properties");
        Files.writeString(config, String.join("\n",
                "wifi.ssid = Home",
                "wifi.password = topsecret-pw",
                "mqtt.broker = 127.0.0.1",
                "publish.interval = 0s",
                "mqtt.topic.publish = a/#",
                "wifi.pasword = x",
                "sim.chip.id = nope",
                ""));
        Output out = new Output();
        Output err = new Output();
        int code = SimulatorMain.run(new String[] {"--config", config.toString(), "--duration", "1s"},
                out.stream, err.stream, noInput());
        assertEquals(2, code);
        String e = err.text();
        assertTrue(e.contains("4 problems in the configuration; nothing was started"), e);
        assertTrue(e.contains(config + ":4: publish.interval = \"0s\": is out of range 100ms to 1h"), e);
        assertTrue(e.contains(config + ":5: mqtt.topic.publish = \"a/#\": contains the wildcard '#'"), e);
        assertTrue(e.contains(config + ":6: wifi.pasword: is not a known key. Fix: did you mean \"wifi.password\"?"), e);
        assertTrue(e.contains(config + ":7: sim.chip.id = \"nope\": is not a MAC address"), e);
        assertFalse(e.contains("topsecret-pw") || out.text().contains("topsecret-pw"), "secrets stay secret");
        assertFalse(out.text().contains("broker"), "no broker was started: " + out.text());
    }

    @Test
    void aMissingConfigFileAndBadFlagsExitWithTwo(@TempDir Path dir) {
        Output out = new Output();
        Output err = new Output();
        assertEquals(2, SimulatorMain.run(new String[] {"--config", dir.resolve("nope.properties").toString()},
                out.stream, err.stream, noInput()));
        assertTrue(err.text().contains("cannot read " + dir.resolve("nope.properties")), err.text());
        assertEquals(2, SimulatorMain.run(new String[] {"--duration", "soon"}, out.stream, err.stream,
                noInput()));
        assertTrue(err.text().contains("--duration \"soon\" is not a duration"), err.text());
        assertEquals(2, SimulatorMain.run(new String[] {"--frobnicate"}, out.stream, err.stream,
                noInput()));
        assertTrue(err.text().contains("Unknown option: '--frobnicate'"), err.text());
    }

    @Test
    void aWrongWifiPasswordFailsLikeABoardAndKeepsTrying(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("pot.properties");
        Files.writeString(config, Files.readString(template) + "\nsim.wifi.ap.password = the-real-one\nsim.wifi.join.delay = 10ms\nbackoff.min = 100ms\nbackoff.max = 200ms\n");
        Output out = new Output();
        Output err = new Output();
        Keyboard keys = new Keyboard();
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> SimulatorMain.run(new String[] {"--config",
                config.toString(), "--port", "0", "--interval", "300ms"}, out.stream, err.stream, keys));
        Awaitility.await("three readings queued while WiFi refuses the password").atMost(Duration.ofSeconds(30))
                .until(() -> out.text().contains("offline: reading #2 queued"));
        keys.type("quit");
        assertEquals(0, (int) run.get(30, TimeUnit.SECONDS), err.text());
        String o = out.text();
        assertEquals(1, o.split("failed: authentication failed: wrong password for \"SmartPotNet\"; retrying in", -1).length - 1,
                "logged once, not once per retry:\n" + o);
        assertTrue(o.contains("offline: reading #2 queued"), o);
        assertFalse(o.contains("the-real-one") || o.contains("soil-is-life"), o);
    }
}
