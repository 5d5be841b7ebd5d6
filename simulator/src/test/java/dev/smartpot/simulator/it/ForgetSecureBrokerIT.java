package dev.smartpot.simulator.it;

import static dev.smartpot.simulator.it.SimulateCommand.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.smartpot.testkit.Loopback;
import dev.smartpot.testkit.Processes;
import dev.smartpot.testkit.RequiredTool;

/**
 * {@code --forget} on the locked broker of {@code scripts/broker --secure}: with the pot's own settings file (TLS, its
 * login) it clears what the pot retained, although the ACL lets a pot write those topics but not read them back.
 */
class ForgetSecureBrokerIT {

    /** The simulator's own pot, the script's default account. */
    private static final String POT = "02578bded277";

    @Test
    void forgetWithThePotsOwnSettingsClearsWhatItRetainedOnTheLockedBroker() throws Exception {
        Path dir = SecureBroker.freshDir();
        int port = Loopback.freePort();
        SecureBroker.setUp(dir, port);
        try (SecureBroker broker = SecureBroker.start(dir, port)) {
            String settings = broker.potSettings(POT).toString();
            String[] r = run("--config", settings, "--broker", "config", "--readings", "1");
            assertEquals("0", r[0], r[1] + r[2]);
            String before = retained(broker);
            assertTrue(before.contains("to_mothership/" + POT + "/status offline") && before.contains("homeassistant/sensor/" + POT
                    + "/moisture/config {"), before);

            r = run("--config", settings, "--broker", "config", "--forget");
            assertEquals("0", r[0], r[1] + r[2]);
            assertTrue(r[1].contains("simulate: --forget: " + POT + " on " + broker.uri() + ": cleared its status to_mothership/" + POT
                    + "/status, its about and its Home Assistant configs under homeassistant/ (the broker does not let the pot read them back,"
                    + " so what was there is not known)"), r[1]);
            String after = retained(broker);
            assertFalse(after.contains(POT), "nothing of the pot is retained: " + after);
        }
    }

    /** Every retained message the mothership can see, as "topic payload" lines (mosquitto_sub stops after 3 s). */
    private static String retained(SecureBroker broker) {
        return Processes.run(broker.mothership(RequiredTool.MOSQUITTO_SUB, "-t", "to_mothership/#", "-t", "homeassistant/#", "-v",
                "--retained-only", "-W", "3"), Duration.ofSeconds(30)).output();
    }
}
