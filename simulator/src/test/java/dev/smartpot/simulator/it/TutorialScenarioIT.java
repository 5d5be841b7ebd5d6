package dev.smartpot.simulator.it;

import static dev.smartpot.simulator.kit.GivenPot.givenPot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.smartpot.simulator.kit.RunningPot;
import dev.smartpot.testkit.Mosquitto;
import dev.smartpot.testkit.MosquittoClients;

/**
 * The tutorial, verbatim, against a real Mosquitto: the mothership's own command-line clients see the
 * readings and talk to the pot. The device log lines checked here are the tutorial's own: they are the behaviour.
 */
class TutorialScenarioIT {

    private static final Pattern PUBLISHED = Pattern.compile("published #\\d+ to to_mothership: moisture \\d{1,3}\\.\\d% \\(raw \\d+\\)");
    private static final Pattern READING = Pattern.compile(
            "\\{\"id\":\"([0-9a-f]{12})\",\"seq\":(\\d+),\"boot\":1,\"raw\":(\\d+),\"moisture\":(\\d{1,3}\\.\\d),\"uptime_ms\":(\\d+),\"ts\":\\d+}");

    private static Mosquitto broker;
    private static MosquittoClients clients;

    @BeforeAll
    static void startBroker() {
        broker = Mosquitto.start();
        clients = new MosquittoClients(broker);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void mosquittoSubSeesAReadingEveryIntervalWithACounter() {
        Process sub = clients.sub("-t", "to_mothership", "-C", "4", "-W", "30");
        try (RunningPot pot = givenPot().on(broker)) {
            List<String> readings = MosquittoClients.lines(sub);
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
                // Each taken after the one before. How far apart is the schedule's business, shown on a manual clock
                // (SimulatedPotOnManualTimeTest, ClockNeverWaitsTest): here a busy machine's scheduler decides it.
                assertTrue(uptime > previousUptime, "taken after the reading before: " + uptime + " after " + previousUptime);
                previousUptime = uptime;
            }
            // The tutorial's line for a reading sent as it was taken. A pot that connects later than three intervals
            // (a busy machine) sends #0 to #3 as one "delivered 4 queued readings" and says it for #4 on.
            try {
                Awaitility.await("a reading published as the tutorial shows it").atMost(Duration.ofSeconds(5))
                        .until(() -> PUBLISHED.matcher(pot.console()).find());
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("the device log never showed " + PUBLISHED + "\n--- device log ---\n" + pot.console(), e);
            }
        }
    }

    @Test
    void theTextFormatIsTheTutorialsOwnLine() {
        Process sub = clients.sub("-t", "to_mothership", "-C", "3", "-W", "30");
        try (RunningPot pot = givenPot().with("payload.format", "text").on(broker)) {
            assertEquals(List.of("Test to mothership #0", "Test to mothership #1", "Test to mothership #2"), MosquittoClients.lines(sub));
        }
    }

    @Test
    void messagesFromTheMothershipShowUpInTheDeviceLog() {
        try (RunningPot pot = givenPot().on(broker)) {
            pot.awaitLog("subscribed to from_mothership", Duration.ofSeconds(10));
            clients.pub("from_mothership", "wassap!");
            pot.awaitLog("(from_mothership, wassap!)", Duration.ofSeconds(5));
            assertFalse(pot.console().contains("received notification"), pot.console());
            clients.pub("from_mothership", "received");
            pot.awaitLog("received notification from mothership", Duration.ofSeconds(5));
        }
    }

    @Test
    void theStatusTopicSaysOnlineWhileRunningAndOfflineAfterAStop() {
        String status;
        try (RunningPot pot = givenPot().on(broker)) {
            status = "to_mothership/" + pot.clientId() + "/status";
            pot.awaitOnline(Duration.ofSeconds(10));
            assertEquals(List.of("online"), MosquittoClients.lines(clients.sub("-t", status, "-C", "1", "-W", "10")),
                    "retained, so a late subscriber sees it");
        }
        assertEquals(List.of("offline"), MosquittoClients.lines(clients.sub("-t", status, "-C", "1", "-W", "10")));
    }
}
