package dev.smartpot.demo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.config.ConfigReader;
import dev.smartpot.device.config.ConfigSource;
import dev.smartpot.device.config.DeviceConfig;
import dev.smartpot.mothership.MothershipApp;
import dev.smartpot.mothership.broker.BrokerOptions;
import dev.smartpot.simulator.SimulatedPot;
import dev.smartpot.simulator.board.SimulatorConfig;
import dev.smartpot.simulator.board.PotMemory;
import dev.smartpot.testkit.Mosquitto;

/**
 * The scenario of docs/broker-kill-loss.md, made deterministic, with a real Mosquitto, a real mothership and a
 * simulated pot: the mothership is away (its persistent session queues the pot's readings at the broker), the broker
 * saves (SIGUSR1) and then acknowledges readings it never saves (its autosave is an hour away: the ack-before-save
 * window held open), and is SIGKILLed. Restarted from that save, the broker has lost those readings although the pot
 * holds their PUBACKs. The pot kept them until the mothership confirmed them, sends them again on its new session,
 * and every reading it took reaches the store exactly once.
 */
class ConfirmedAcrossBrokerKillIT {

    private static final Duration BOUND = Duration.ofSeconds(60);

    private final List<String> console = new CopyOnWriteArrayList<>();

    private static MothershipApp mothership(Mosquitto broker, Path data) throws Exception {
        return MothershipApp.start(new MothershipApp.Options(BrokerOptions.plain(broker.uri()), 0, "127.0.0.1", 0, data,
                null, null, null, false, null));
    }

    private SimulatedPot pot(Mosquitto broker) throws Exception {
        ConfigReader reader = new ConfigReader(ConfigSource.parse("device.name = Kill\nwifi.ssid = Net\n"
                + "wifi.password = password1\nmqtt.broker = " + broker.uri() + "\npublish.interval = 200ms\n"
                + "backoff.min = 100ms\nbackoff.max = 500ms\nreboot.after = 0\nhomeassistant.discovery = false\n"
                + "sim.seed = 18\nsim.wifi.join.delay = 10ms\n", "kill pot"));
        DeviceConfig device = DeviceConfig.read(reader);
        SimulatorConfig world = SimulatorConfig.read(reader, device);
        reader.finish();
        return new SimulatedPot(device, world, console::add, new MemorySettingsStore(), PotMemory.inRam());
    }

    /** (boot, seq) of every reading of {@code potId} in the store, in order. */
    private static List<String> stored(Path db, String potId) throws Exception {
        List<String> keys = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT boot, seq FROM readings WHERE pot_id = '" + potId + "' ORDER BY boot, seq")) {
            while (r.next()) {
                keys.add(r.getLong(1) + "/" + r.getLong(2));
            }
        }
        return keys;
    }

    private static long count(String log, String fragment) {
        return log.lines().filter(l -> l.contains(fragment)).count();
    }

    @Test
    void readingsAcknowledgedInTheWindowAndLostByTheBrokerReachTheStoreExactlyOnce() throws Exception {
        Path data = Files.createDirectories(Path.of("target", "confirmed-kill-it", Long.toString(System.nanoTime())))
                .toAbsolutePath();
        Path db = data.resolve(MothershipApp.Options.SQLITE_FILE);
        // Saves only when told: every acknowledgement after a save sits in the window until the next.
        Mosquitto broker = Mosquitto.configure().saveEverySecond().line("autosave_interval 3600").start();
        SimulatedPot pot = null;
        MothershipApp app = mothership(broker, data);
        try {
            pot = pot(broker);
            pot.start();
            String id = pot.clientId();
            // The mothership confirms: the pot has heard it (a later reading stored shows it went on after that).
            await("the mothership confirms the pot's readings").atMost(BOUND)
                    .until(() -> broker.log().contains("'from_mothership/" + id + "/ack'"));
            long heard = app.engine().health().readingsStored();
            await("readings stored after the confirmation").atMost(BOUND)
                    .until(() -> app.engine().health().readingsStored() >= heard + 3);

            // The mothership goes away; the broker keeps its session and queues the readings for it.
            app.close();
            broker.save();
            String puback = "Sending PUBACK to " + id;
            long ackedBeforeSave = count(broker.log(), puback);
            await("readings acknowledged after the last save").atMost(BOUND)
                    .until(() -> count(broker.log(), puback) >= ackedBeforeSave + 5);
            broker.kill();
            String logAtKill = broker.log();
            String afterSave = logAtKill.substring(logAtKill.lastIndexOf(Mosquitto.SAVING));
            long inWindow = count(afterSave, puback);
            assertTrue(inWindow >= 5 && !afterSave.substring(afterSave.indexOf('\n')).contains(Mosquitto.SAVING),
                    "acknowledged and never saved: " + inWindow);

            broker.restart();
            MothershipApp back = mothership(broker, data);
            SimulatedPot running = pot;
            try {
                long taken = running.node().readingsTaken();
                await("the pot goes on after the restart").atMost(BOUND)
                        .until(() -> back.engine().health().readingsStored() >= 3 && running.node().readingsTaken() >= taken + 5);
                pot.stop();
                long published = pot.node().publishedReadings();
                await("the store has every reading the broker took").atMost(BOUND)
                        .until(() -> stored(db, id).size() >= published);
                assertEquals(0, back.engine().health().conflicts(), "no reading under another's key");
            } finally {
                pot.stop();
                back.close();
            }
            List<String> keys = stored(db, id);
            List<String> expected = new ArrayList<>();
            for (long seq = 0; seq < pot.node().publishedReadings(); seq++) {
                expected.add("1/" + seq);
            }
            assertEquals(expected, keys, "every reading once, none missing, none twice (boot/seq)");
            // A reading taken as the stop drained the queue may be left in it, for the next start.
            assertTrue(pot.node().publishedReadings() >= pot.node().readingsTaken() - 1,
                    pot.node().publishedReadings() + " published of " + pot.node().readingsTaken() + " taken");
            assertEquals(Collections.emptyList(), console.stream().filter(l -> l.contains("ack.wait")).toList(),
                    "the pot never fell back to the broker's word");
        } finally {
            if (pot != null) {
                pot.stop();
            }
            app.close();
            broker.close();
        }
    }
}
