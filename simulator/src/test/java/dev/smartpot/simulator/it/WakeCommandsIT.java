package dev.smartpot.simulator.it;

import static dev.smartpot.simulator.kit.GivenPot.givenPot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.smartpot.simulator.kit.RunningPot;
import dev.smartpot.testkit.Mosquitto;
import dev.smartpot.testkit.MosquittoClients;
import dev.smartpot.testkit.MothershipStandIn;

/**
 * A pot on batteries against a real Mosquitto, sent QoS 1 commands one after another across many wakes, so some reach
 * it while it is awake, after a wake's last turn or while it says goodbye: every one is answered, none lost. (Before
 * the transport held its acknowledgement until the core handled a message, one run answered 40 of 60: acknowledged on
 * arrival, commands were dropped with the inbox at a wake's end, and by its flood guard when a wake's connect brought
 * all that the broker kept at once. Mosquitto 2.0.11 does not keep its in-flight limit under a backlog and hands a
 * wake all 60 at once: a deep-sleep pot leaves what its inbox has no room for unacknowledged, for the next wake.)
 */
class WakeCommandsIT {

    private static final String BATTERY = String.join("\n",
            "wifi.ssid = TestNet",
            "wifi.password = test-password",
            "power.mode = deep-sleep",
            "publish.interval = 15m",
            "sleep.publish.every = 1",
            "homeassistant.discovery = false",
            "reboot.after = 0",
            "sim.sleep.speedup = 900",
            "sim.seed = flooded-pot",
            "");
    private static final int COMMANDS = 60;
    private static final Pattern ECHO = Pattern.compile("\"command\":\"probe-(\\d+)\"");

    private Mosquitto broker;
    private MothershipStandIn mothership;
    private RunningPot pot;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {pot, mothership, broker}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void everyCommandSentAcrossTheWakesIsAnswered() {
        broker = Mosquitto.start();
        mothership = MothershipStandIn.on(broker.uri(), "to_mothership/#");
        pot = givenPot().withConfig(BATTERY).on(broker);
        String id = pot.clientId();
        Awaitility.await("the first publishing wake").atMost(Duration.ofSeconds(20))
                .until(() -> !mothership.payloads("to_mothership").isEmpty());

        MosquittoClients clients = new MosquittoClients(broker);
        List<Integer> sent = new ArrayList<>();
        for (int i = 0; i < COMMANDS; i++) {
            clients.pubQos1("from_mothership/" + id, "probe-" + i);
            sent.add(i);
        }
        int wakesWhileSending = pot.simulated().wakes();
        String replies = "to_mothership/" + id + "/reply";
        // Each wake answers at least one of the commands the broker keeps for it, so as many wakes as commands are
        // enough for all; a lost command is never answered however many wakes follow. The wait counts wakes, not
        // seconds: a loaded machine makes wakes slower, not fewer commands answered.
        int enough = wakesWhileSending + COMMANDS;
        Awaitility.await("a reply to every command, or " + COMMANDS + " wakes").atMost(Duration.ofMinutes(5))
                .until(() -> answered(replies).size() == COMMANDS || pot.simulated().wakes() >= enough);
        assertEquals(sent, new ArrayList<>(answered(replies)), "every command answered (" + wakesWhileSending
                + " wakes while sending, " + pot.simulated().wakes() + " at the end)\n" + pot.console());
    }

    /** The numbers of the probes answered, each once however often. */
    private TreeSet<Integer> answered(String replies) {
        TreeSet<Integer> out = new TreeSet<>();
        for (String reply : mothership.payloads(replies)) {
            Matcher m = ECHO.matcher(reply);
            if (m.find()) {
                out.add(Integer.parseInt(m.group(1)));
            }
        }
        return out;
    }
}
