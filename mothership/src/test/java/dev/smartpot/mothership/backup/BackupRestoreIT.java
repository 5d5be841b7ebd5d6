package dev.smartpot.mothership.backup;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smartpot.mothership.MothershipApp;
import dev.smartpot.mothership.MothershipMain;
import dev.smartpot.mothership.broker.BrokerOptions;
import dev.smartpot.mothership.testing.QueueingBroker;
import dev.smartpot.mothership.testing.ScriptedPot;
import dev.smartpot.testkit.Loopback;
import dev.smartpot.testkit.Mosquitto;

/**
 * {@code scripts/mothership backup} while three pots send readings through a real Mosquitto, {@code restore} into a
 * new folder, and a mothership on that folder: the same pots, and readings that are one consistent instant (each
 * pot's readings from its first up to some seq, no gap). A second backup after the ingest: every row there.
 */
class BackupRestoreIT {

    private static final List<String> POTS = List.of("basil", "fern", "mint");
    private static final int READINGS = 600;

    @TempDir
    Path tmp;

    private final BackupCli cli = new BackupCli();

    @Test
    void aBackupTakenDuringIngestRestoresIntoANewFolder() throws Exception {
        try (Mosquitto broker = QueueingBroker.start()) {
            Path live = tmp.resolve("live");
            MothershipApp app = MothershipApp.start(new MothershipApp.Options(BrokerOptions.plain(broker.uri()), 0, "127.0.0.1", 0,
                    live, null, null, null, false, null));
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> app.engine().health().brokerConnected());
                CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> send(broker.port(), READINGS));
                // Mid-ingest: some readings are stored, more are on their way.
                await().atMost(Duration.ofSeconds(30)).until(() -> app.engine().health().readingsStored() >= 100);
                Path during = tmp.resolve("during.sqlite");
                assertEquals(0, cli.run("backup", "--data", live.toString(), during.toString()), cli.output());
                assertTrue(cli.output().contains("backup written to " + during), cli.output());
                sending.get();
                await().atMost(Duration.ofSeconds(30)).until(() -> app.engine().health().readingsStored() == POTS.size() * READINGS);

                Map<String, List<Long>> restoredDuring = cli.restoreAndList(during, tmp.resolve("restored-during"));
                assertEquals(POTS, List.copyOf(restoredDuring.keySet()), "the same pots");
                for (Map.Entry<String, List<Long>> pot : restoredDuring.entrySet()) {
                    List<Long> seqs = pot.getValue();
                    for (int i = 0; i < seqs.size(); i++) {
                        assertEquals(i, seqs.get(i), pot.getKey() + ": readings 0.." + (seqs.size() - 1) + " with no gap (one instant)");
                    }
                }
                int caught = restoredDuring.values().stream().mapToInt(List::size).sum();
                assertTrue(caught >= 100, "what was stored at the backup is there");
                System.out.println("backup during ingest held " + caught + " of " + POTS.size() * READINGS + " readings");

                Path after = tmp.resolve("after.sqlite");
                assertEquals(0, cli.run("backup", "--data", live.toString(), after.toString()), cli.output());
                Map<String, List<Long>> restoredAfter = cli.restoreAndList(after, tmp.resolve("restored-after"));
                assertEquals(BackupCli.readingSeqs(app.engine()), restoredAfter, "every reading of the live mothership");
                for (String pot : POTS) {
                    assertEquals(READINGS, restoredAfter.get(pot).size());
                }
            } finally {
                app.close();
            }
        }
    }

    /**
     * A user's backup by hand comes from another process than the mothership, which holds its SQLite file for itself
     * (another process's reader finds it locked): the command asks the mothership, which writes the backup.
     */
    @Test
    void aBackupByHandFromAnotherProcessIsMadeByTheRunningMothership() throws Exception {
        try (Mosquitto broker = QueueingBroker.start()) {
            Path live = tmp.resolve("live");
            Path log = tmp.resolve("child.log");
            int http = Loopback.freePort();
            Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                    System.getProperty("java.class.path"), MothershipMain.class.getName(), "--broker", broker.uri(), "--data",
                    live.toString(), "--http", "127.0.0.1:" + http).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(log).contains("smartpot mothership: dashboard"));
                send(broker.port(), 30);
                await().atMost(Duration.ofSeconds(30)).until(() -> storedPerMetrics(http) == POTS.size() * 30);
                try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + live.resolve("mothership.db"));
                     Statement s = reader.createStatement()) {
                    s.execute("PRAGMA busy_timeout=0");
                    SQLException locked = assertThrows(SQLException.class, () -> s.executeQuery("SELECT count(*) FROM pots"));
                    assertTrue(locked.getMessage().contains("database is locked"), locked.getMessage());
                }
                MothershipApp.StartException second = assertThrows(MothershipApp.StartException.class, () -> MothershipApp.start(
                        new MothershipApp.Options(null, 0, "127.0.0.1", 0, live, null, null, null, false, null)));
                assertTrue(second.getMessage().contains("another program holds " + live.resolve("mothership.db")
                        + " (a mothership already running on that folder?). Fix: stop it"), second.getMessage());

                Path out = tmp.resolve("by-hand.sqlite");
                assertEquals(0, cli.run("backup", "--data", live.toString(), out.toString()), cli.output());
                assertTrue(cli.output().contains("backup written to " + out + " ("), cli.output());
                assertTrue(cli.output().contains("3 pots, 90 readings"), cli.output());
                assertTrue(Files.readString(log).contains("mothership: backup by hand written to " + out), "the mothership wrote it");
                Map<String, List<Long>> restored = cli.restoreAndList(out, tmp.resolve("restored"));
                for (String pot : POTS) {
                    assertEquals(LongStream.range(0, 30).boxed().toList(), restored.get(pot), pot);
                }
            } finally {
                child.destroy();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the mothership stops at SIGTERM");
            }
            assertFalse(Files.exists(live.resolve(BackupSocket.FILE)), "its socket goes with it");
            assertEquals(0, cli.run("backup", "--data", live.toString(), tmp.resolve("stopped.sqlite").toString()), cli.output());
            assertTrue(cli.output().contains("3 pots, 90 readings"), "stopped, the file is read directly: " + cli.output());
        }
    }

    private static long storedPerMetrics(int httpPort) throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(l -> l.startsWith("smartpot_readings_stored_total ")).mapToLong(l -> (long) Double.parseDouble(
                l.substring(l.indexOf(' ') + 1))).findFirst().orElse(0);
    }

    @Test
    void aFolderThatHoldsAnythingIsRefused() throws Exception {
        Path live = tmp.resolve("live");
        MothershipApp.start(new MothershipApp.Options(null, 0, "127.0.0.1", 0, live, null, null, null, false, null)).close();
        Path file = tmp.resolve("empty.sqlite");
        assertEquals(0, cli.run("backup", "--data", live.toString(), file.toString()), cli.output());
        assertEquals(MothershipMain.EXIT_FAILED, cli.run("restore", "--data", live.toString(), file.toString()));
        assertTrue(cli.output().contains("the data folder " + live + " is not empty (it holds mothership.db"), cli.output());
        assertTrue(cli.output().contains("Fix: pass --data with a new or empty folder"), cli.output());

        assertEquals(MothershipMain.EXIT_FAILED, cli.run("backup", "--data", live.toString(), file.toString()));
        assertTrue(cli.output().contains(file + " exists already. Fix: name a new file"), cli.output());

        java.nio.file.Files.writeString(tmp.resolve("notes.txt"), "my plants\n");
        assertEquals(MothershipMain.EXIT_FAILED, cli.run("restore", "--data", tmp.resolve("new").toString(), tmp.resolve("notes.txt").toString()));
        assertTrue(cli.output().contains("notes.txt is not a mothership backup (not an SQLite database file)"), cli.output());
        assertTrue(!java.nio.file.Files.exists(tmp.resolve("new").resolve("mothership.db")), "nothing restored");

        assertEquals(MothershipMain.EXIT_USAGE, cli.run("--data", live.toString(), "backup", tmp.resolve("y.sqlite").toString()));
        assertTrue(cli.output().contains("--data stands before 'backup', where it means the running mothership's. Fix: put it after"), cli.output());

        assertEquals(MothershipMain.EXIT_FAILED, cli.run("backup", "--data", tmp.resolve("nowhere").toString(), tmp.resolve("x.sqlite").toString()));
        assertTrue(cli.output().contains("there is no mothership database at " + tmp.resolve("nowhere").resolve("mothership.db")), cli.output());
    }

    @Test
    void theDashboardOffersTheLatestBackupToTheAdminOnly() throws Exception {
        Path live = tmp.resolve("live");
        Path shelf = tmp.resolve("shelf");
        // Beyond loopback, so the login is on; the test talks to 127.0.0.1 only.
        MothershipApp app = MothershipApp.start(new MothershipApp.Options(null, 0, "0.0.0.0", 0, live, null, null, null, false, null),
                new BackupPlan(shelf, 3, java.time.LocalTime.of(3, 0)));
        try (ScriptedPot pot = new ScriptedPot("basil", app.embeddedBroker().port())) {
            String base = "http://127.0.0.1:" + app.web().port();
            String token = app.web().createdLogin().apiToken();
            await().atMost(Duration.ofSeconds(10)).until(() -> app.engine().health().brokerConnected());
            for (int seq = 0; seq < 20; seq++) {
                pot.publishReading(seq, 50, 5000L * seq);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> app.engine().health().readingsStored() == 20);

            assertEquals(401, send(base + "/api/backups/latest", "GET", null).statusCode(), "no login, no download");
            HttpResponse<byte[]> none = send(base + "/api/backups/latest", "GET", token);
            assertEquals(404, none.statusCode());
            assertTrue(new String(none.body(), StandardCharsets.UTF_8).contains("no backup yet"));
            assertEquals(401, send(base + "/api/backups", "POST", null).statusCode());
            HttpResponse<byte[]> made = send(base + "/api/backups", "POST", token);
            assertEquals(201, made.statusCode(), new String(made.body(), StandardCharsets.UTF_8));

            HttpResponse<byte[]> download = send(base + "/api/backups/latest", "GET", token);
            assertEquals(200, download.statusCode());
            Path latest = app.nightlyBackups().latest().orElseThrow();
            assertTrue(download.headers().firstValue("Content-Disposition").orElse("").contains(latest.getFileName().toString()));
            assertTrue(java.util.Arrays.equals(java.nio.file.Files.readAllBytes(latest), download.body()), "the file itself");
            Path saved = tmp.resolve("downloaded.sqlite");
            java.nio.file.Files.write(saved, download.body());
            Map<String, List<Long>> restored = cli.restoreAndList(saved, tmp.resolve("from-download"));
            assertEquals(20, restored.get("basil").size());
            String about = new String(send(base + "/api/backups", "GET", token).body(), StandardCharsets.UTF_8);
            assertTrue(about.contains("\"enabled\":true") && about.contains(latest.getFileName().toString()), about);
        } finally {
            app.close();
        }
    }

    private static HttpResponse<byte[]> send(String url, String method, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        } else {
            request.header("X-SmartPot-Request", "1"); // as the dashboard sends it: past the cross-site check, to the login's
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void send(int brokerPort, int readings) {
        try {
            List<ScriptedPot> pots = new java.util.ArrayList<>();
            for (String id : POTS) {
                pots.add(new ScriptedPot(id, brokerPort));
            }
            for (int seq = 0; seq < readings; seq++) {
                for (ScriptedPot pot : pots) {
                    pot.publishReading(seq, 40 + seq % 20, 5000L * seq);
                }
            }
            for (ScriptedPot pot : pots) {
                pot.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("a scripted pot failed: " + e, e);
        }
    }
}
