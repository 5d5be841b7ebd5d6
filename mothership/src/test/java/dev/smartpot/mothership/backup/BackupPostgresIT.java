package dev.smartpot.mothership.backup;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smartpot.mothership.MothershipApp;
import dev.smartpot.mothership.MothershipMain;
import dev.smartpot.mothership.broker.BrokerOptions;
import dev.smartpot.mothership.engine.MothershipEngine;
import dev.smartpot.mothership.testing.PostgresServer;
import dev.smartpot.mothership.testing.QueueingBroker;
import dev.smartpot.mothership.testing.ScriptedPot;
import dev.smartpot.testkit.Mosquitto;

/**
 * A PostgreSQL mothership backed up during ingest (one snapshot), then moved: into a SQLite data folder and into a
 * new PostgreSQL database, each with the same pots, readings and alerts; a database that holds rows is refused, and
 * the restored PostgreSQL hands out new ids after the restored ones.
 */
class BackupPostgresIT {

    private static final int PER_POT = 1500;

    @TempDir
    Path tmp;

    private final BackupCli cli = new BackupCli();

    @Test
    void aPostgresBackupMovesToSqliteAndToAnotherPostgres() throws Exception {
        try (PostgresServer pg = PostgresServer.start(); Mosquitto broker = QueueingBroker.start()) {
            String liveUrl = pg.createDatabase("live");
            MothershipApp app = MothershipApp.start(new MothershipApp.Options(BrokerOptions.plain(broker.uri()), 0, "127.0.0.1", 0,
                    tmp.resolve("live"), liveUrl, null, null, false, null));
            Map<String, List<Long>> live;
            List<String> liveAlerts;
            Path after = tmp.resolve("after.sqlite");
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> app.engine().health().brokerConnected());
                CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> send(broker.port()));
                await().atMost(Duration.ofSeconds(30)).until(() -> app.engine().health().readingsStored() >= 50);
                Path during = tmp.resolve("during.sqlite");
                assertEquals(0, cli.run("backup", "--db", liveUrl, during.toString()), cli.output());
                sending.get();
                await().atMost(Duration.ofSeconds(30)).until(() -> app.engine().health().readingsStored() == 2 * PER_POT);
                await().atMost(Duration.ofSeconds(20)).until(() -> !app.engine().alerts(false, 10).isEmpty());
                Map<String, List<Long>> caught = cli.restoreAndList(during, tmp.resolve("during-folder"));
                caught.forEach((pot, seqs) -> {
                    for (int i = 0; i < seqs.size(); i++) {
                        assertEquals(i, seqs.get(i), pot + ": one snapshot, no gap");
                    }
                });
                System.out.println("PostgreSQL backup during ingest held " + caught.values().stream().mapToInt(List::size).sum() + " of " + 2 * PER_POT);

                assertEquals(0, cli.run("backup", "--db", liveUrl, after.toString()), cli.output());
                live = BackupCli.readingSeqs(app.engine());
                liveAlerts = alerts(app.engine());
            } finally {
                app.close();
            }

            assertEquals(live, cli.restoreAndList(after, tmp.resolve("sqlite-folder")), "PostgreSQL to SQLite: every reading");

            String movedUrl = pg.createDatabase("moved");
            assertEquals(0, cli.run("restore", "--db", movedUrl, after.toString()), cli.output());
            MothershipApp moved = MothershipApp.start(new MothershipApp.Options(null, 0, "127.0.0.1", 0, tmp.resolve("moved"),
                    movedUrl, null, null, false, null));
            try (ScriptedPot rose = new ScriptedPot("rose", moved.embeddedBroker().port())) {
                assertEquals(live, BackupCli.readingSeqs(moved.engine()), "PostgreSQL to PostgreSQL: every reading");
                assertEquals(liveAlerts, alerts(moved.engine()));
                // A new alert gets an id after the restored ones (the identity was moved on), not a key clash.
                await().atMost(Duration.ofSeconds(10)).until(() -> moved.engine().health().brokerConnected());
                for (int seq = 0; seq < 3; seq++) {
                    rose.publishReading(seq, 4, 5000L * seq);
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> moved.engine().alerts(false, 10).stream().anyMatch(a -> a.potId().equals("rose")));
                long newest = moved.engine().alerts(false, 10).stream().filter(a -> a.potId().equals("rose")).findFirst().orElseThrow().id();
                assertTrue(moved.engine().alerts(true, 100).stream().filter(a -> !a.potId().equals("rose")).allMatch(a -> a.id() < newest));
                assertTrue(moved.engine().health().storeOk());
            } finally {
                moved.close();
            }

            assertEquals(MothershipMain.EXIT_FAILED, cli.run("restore", "--db", movedUrl, after.toString()));
            assertTrue(cli.output().contains("is not empty (its table pots has rows); a restore never mixes two histories"), cli.output());
        }
    }

    private static List<String> alerts(MothershipEngine engine) {
        return engine.alerts(true, 1000).stream().map(a -> a.id() + " " + a.potId() + " " + a.kind() + " " + a.raisedAt())
                .sorted().toList();
    }

    private static void send(int brokerPort) {
        try (ScriptedPot basil = new ScriptedPot("basil", brokerPort); ScriptedPot fern = new ScriptedPot("fern", brokerPort)) {
            for (int seq = 0; seq < PER_POT; seq++) {
                basil.publishReading(seq, 55, 5000L * seq);
                fern.publishReading(seq, 5, 5000L * seq); // dry: an alert row to carry over
            }
        } catch (Exception e) {
            throw new IllegalStateException("a scripted pot failed: " + e, e);
        }
    }
}
