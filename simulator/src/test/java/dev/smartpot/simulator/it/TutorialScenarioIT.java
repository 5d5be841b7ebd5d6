package dev.smartpot.simulator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tutorial, verbatim, against a real Mosquitto: the mothership's own command-line clients see the
 * readings and talk to the pot.
 */
class TutorialScenarioIT {

    private static final Pattern READING = Pattern.compile(
            "\\{\"id\":\"([0-9a-f]{12})\",\"seq\":(\\d+),\"boot\":1,\"raw\":(\\d+),\"moisture\":(\\d{1,3}\\.\\d),\"uptime_ms\":(\\d+),\"ts\":\\d+}");

    private static MosquittoBroker broker;

    @BeforeAll
    static void startBroker() throws IOException {
        broker = MosquittoBroker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    /** Starts mosquitto_sub and waits until the broker has its subscription. */
    private static Process mosquittoSub(String topic, int count) throws Exception {
        int before = countOf(broker.log(), "Received SUBSCRIBE");
        Process sub = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(broker.port()),
                "-t", topic, "-C", Integer.toString(count), "-W", "30").redirectErrorStream(true).start();
        Awaitility.await("mosquitto_sub subscribed").atMost(Duration.ofSeconds(10))
                .until(() -> countOf(broker.log(), "Received SUBSCRIBE") > before);
        return sub;
    }

    private static int countOf(String text, String fragment) {
        int n = 0;
        for (int at = text.indexOf(fragment); at >= 0; at = text.indexOf(fragment, at + 1)) {
            n++;
        }
        return n;
    }

    private static List<String> lines(Process p) throws Exception {
        assertTrue(p.waitFor(40, TimeUnit.SECONDS), "mosquitto client finished");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out.lines().toList();
    }

    private static void mosquittoPub(String topic, String message) throws Exception {
        Process pub = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", Integer.toString(broker.port()),
                "-t", topic, "-m", message).redirectErrorStream(true).start();
        lines(pub);
    }

    @Test
    void mosquittoSubSeesAReadingEveryIntervalWithACounter() throws Exception {
        Process sub = mosquittoSub("to_mothership", 4);
        try (PotUnderTest pot = new PotUnderTest(broker.uri(), "")) {
            List<String> readings = lines(sub);
            assertEquals(4, readings.size(), readings.toString());
            long previousUptime = -1;
            for (int i = 0; i < 4; i++) {
                Matcher m = READING.matcher(readings.get(i));
                assertTrue(m.matches(), "reading as documented: " + readings.get(i));
                assertEquals(pot.clientId(), m.group(1));
                assertEquals(i, Integer.parseInt(m.group(2)), "the counter starts at 0 and counts up");
                double moisture = Double.parseDouble(m.group(4));
                assertTrue(moisture > 0 && moisture < 100, "plausible moisture " + moisture);
                long uptime = Long.parseLong(m.group(5));
                if (previousUptime >= 0) {
                    assertEquals(300, uptime - previousUptime, 5, "taken one interval apart");
                }
                previousUptime = uptime;
            }
            pot.awaitLog("published #3 to to_mothership: moisture ", Duration.ofSeconds(5));
        }
    }

    @Test
    void theTextFormatIsTheTutorialsOwnLine() throws Exception {
        Process sub = mosquittoSub("to_mothership", 3);
        try (PotUnderTest pot = new PotUnderTest(broker.uri(), "payload.format = text\n")) {
            assertEquals(List.of("Test to mothership #0", "Test to mothership #1", "Test to mothership #2"), lines(sub));
        }
    }

    @Test
    void messagesFromTheMothershipShowUpInTheDeviceLog() throws Exception {
        try (PotUnderTest pot = new PotUnderTest(broker.uri(), "")) {
            pot.awaitLog("subscribed to from_mothership", Duration.ofSeconds(10));
            mosquittoPub("from_mothership", "wassap!");
            pot.awaitLog("(from_mothership, wassap!)", Duration.ofSeconds(5));
            assertTrue(!pot.console().contains("received notification"), pot.console());
            mosquittoPub("from_mothership", "received");
            pot.awaitLog("received notification from mothership", Duration.ofSeconds(5));
        }
    }

    @Test
    void theStatusTopicSaysOnlineWhileRunningAndOfflineAfterAStop() throws Exception {
        String clientId;
        try (PotUnderTest pot = new PotUnderTest(broker.uri(), "")) {
            clientId = pot.clientId();
            pot.awaitLog("= online", Duration.ofSeconds(10));
            Process status = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(broker.port()),
                    "-t", "to_mothership/" + clientId + "/status", "-C", "1", "-W", "10").start();
            assertEquals(List.of("online"), lines(status), "retained, so a late subscriber sees it");
        }
        Process status = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(broker.port()),
                "-t", "to_mothership/" + clientId + "/status", "-C", "1", "-W", "10").start();
        assertEquals(List.of("offline"), lines(status));
    }
}
