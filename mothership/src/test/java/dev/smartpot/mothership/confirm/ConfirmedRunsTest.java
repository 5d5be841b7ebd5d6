package dev.smartpot.mothership.confirm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.broker.Outbound;
import dev.smartpot.mothership.ingest.Inbound;
import dev.smartpot.mothership.store.BootTracker;
import dev.smartpot.mothership.store.Database;
import dev.smartpot.mothership.store.StoreWriter;
import dev.smartpot.protocol.AckDecoder;

/**
 * The mothership's side of the confirmation, on a real SQLite file: after each commit a pot's acknowledgement says
 * exactly which runs of its readings are stored, at most once a second, and a restart loads the same runs in one query.
 */
class ConfirmedRunsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    /** What the fake broker link was given: topic, payload, retained. */
    record Published(String topic, String payload, boolean retained) {
    }

    private final List<Published> published = new CopyOnWriteArrayList<>();
    private final Outbound outbound = (topic, payload, retained) -> {
        published.add(new Published(topic, payload, retained));
        return CompletableFuture.completedFuture(null);
    };
    private final AtomicLong acks = new AtomicLong();
    private Path file;
    private Database db;
    private StoreWriter writer;
    private ConfirmedRuns runs;
    private AckSender sender;
    /** The sender's clock, moved by hand. */
    private final AtomicLong millis = new AtomicLong(NOW.toEpochMilli());
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };
    /** Sends waiting for their second, run by hand. */
    private final List<Runnable> later = new CopyOnWriteArrayList<>();
    private long offered;

    @BeforeEach
    void open() throws Exception {
        file = Files.createDirectories(Path.of("target", "confirm-tests")).resolve("runs-" + System.nanoTime() + ".db");
        db = Database.sqlite(file);
        start();
    }

    private void start() {
        writer = new StoreWriter(db, new BootTracker(), Clock.fixed(NOW, ZoneOffset.UTC), 10_000);
        writer.gather(java.time.Duration.ZERO); // these tests are not about the gather: no 1 s wait per reading
        runs = ConfirmedRuns.load(db);
        sender = new AckSender(runs, outbound, clock, (task, delay) -> {
            assertEquals(NOW.toEpochMilli() + 1000, millis.get() + delay, "at the end of the first one's second");
            later.add(task);
        });
        writer.start(new AckAfterCommit(StoreWriter.Listener.NONE, runs, sender));
    }

    @AfterEach
    void close() {
        writer.close();
        db.close();
    }

    private void store(String pot, long boot, long seq, int raw) {
        long at = NOW.toEpochMilli();
        writer.offer(new StoreWriter.Received(new Inbound.Reading(pot, boot, seq, raw, 40.0, null, 5_000L * seq, at, 0, null),
                at, acks::incrementAndGet));
        offered++;
        Awaitility.await().until(() -> acks.get() == offered);
    }

    private String lastAck(String pot) {
        for (int i = published.size() - 1; i >= 0; i--) {
            if (published.get(i).topic().equals("from_mothership/" + pot + "/ack")) {
                return published.get(i).payload();
            }
        }
        return null;
    }

    @Test
    void eachPotHearsWhatIsStoredRetainedAndAtMostOnceASecond() {
        store("a4cf12b0c0de", 3, 0, 2000);
        assertEquals("{\"runs\":[{\"boot\":3,\"from\":0,\"to\":0}]}", lastAck("a4cf12b0c0de"), "the first at once");
        millis.addAndGet(300);
        for (int seq = 1; seq < 5; seq++) {
            store("a4cf12b0c0de", 3, seq, 2000);
        }
        assertEquals(1, published.size(), "the rest wait for the end of the second: " + published);
        assertEquals(1, later.size(), "as one send");
        millis.addAndGet(700);
        later.remove(0).run();
        String all = "{\"runs\":[{\"boot\":3,\"from\":0,\"to\":4}]}";
        assertEquals(all, lastAck("a4cf12b0c0de"));
        assertEquals(2, published.size());
        assertTrue(published.stream().allMatch(Published::retained), "retained: a pot that connects later hears it");
        millis.addAndGet(5000);
        store("a4cf12b0c0de", 3, 5, 2000);
        assertEquals(3, published.size(), "a second later: at once again");
        sender.forget("a4cf12b0c0de");
        assertEquals(new Published("from_mothership/a4cf12b0c0de/ack", "", true), published.get(3),
                "a deleted pot's acknowledgement is cleared on the broker");
        AckDecoder decoder = new AckDecoder();
        byte[] bytes = all.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(1, decoder.decode(bytes, bytes.length), "what the pot reads");
    }

    @Test
    void aCleanStopSendsTheAcknowledgementsWaitingForTheirSecondAtOnce() {
        store("a4cf12b0c0de", 3, 0, 2000);
        millis.addAndGet(300);
        store("a4cf12b0c0de", 3, 1, 2000);
        assertEquals(1, published.size(), "the second one waits for the end of the second");
        sender.flush();
        assertEquals("{\"runs\":[{\"boot\":3,\"from\":0,\"to\":1}]}", lastAck("a4cf12b0c0de"),
                "sent before the link closes: the pot does not send its last reading again after a restart");
        sender.flush();
        assertEquals(2, published.size(), "nothing waits any more: nothing sent twice");
    }

    @Test
    void aGapSplitsTheRunsAndTheMissingReadingJoinsThem() {
        store("p1", 1, 0, 2000);
        store("p1", 1, 1, 2000);
        store("p1", 1, 3, 2000);
        assertEquals(List.of(new ConfirmedRuns.Run(1, 3, 3), new ConfirmedRuns.Run(1, 0, 1)), runs.runs("p1"));
        store("p1", 1, 2, 2000);
        assertEquals(List.of(new ConfirmedRuns.Run(1, 0, 3)), runs.runs("p1"));
        store("p1", 1, 2, 2000);
        assertEquals(List.of(new ConfirmedRuns.Run(1, 0, 3)), runs.runs("p1"), "the same reading again changes nothing");
    }

    @Test
    void aRunGrowingAtItsEndKeepsTheNewestFirstOrder() {
        ConfirmedRuns r = new ConfirmedRuns();
        for (long seq : new long[] {1, 2, 3, 5, 6}) {
            assertTrue(r.stored("p", 1, seq));
        }
        assertTrue(r.stored("p", 2, 1));
        assertTrue(r.stored("p", 1, 7), "boot 1's newer run grows");
        assertTrue(r.stored("p", 1, 4), "the gap filled: boot 1's runs join");
        assertTrue(r.stored("p", 2, 2));
        assertEquals(false, r.stored("p", 2, 2), "already confirmed");
        assertEquals(List.of(new ConfirmedRuns.Run(2, 1, 2), new ConfirmedRuns.Run(1, 1, 7)), r.runs("p"));
        assertTrue(r.stored("p", 1, 9));
        assertTrue(r.stored("p", 1, 10), "the newest run of boot 1 grows in its place, behind boot 2's");
        assertEquals(List.of(new ConfirmedRuns.Run(2, 1, 2), new ConfirmedRuns.Run(1, 9, 10), new ConfirmedRuns.Run(1, 1, 7)),
                r.runs("p"));
    }

    @Test
    void aConflictIsNotStoredUnderItsKeyAndConfirmsNothing() {
        store("p2", 1, 0, 2000);
        store("p2", 1, 1, 2000);
        runs.forget("p2");
        // Another reading under (p2, 1, 1): a pot whose boot counter went back.
        store("p2", 1, 1, 2600);
        assertEquals(List.of(), runs.runs("p2"));
    }

    @Test
    void aRestartLoadsTheSameRunsInOneQueryNewestFirstAndOnlyTheNewest() {
        for (long seq = 0; seq < 10; seq++) {
            store("p3", 1, seq, 2000);
        }
        for (long seq : new long[] {10, 11, 12, 13, 14, 16, 17}) {
            store("p3", 2, seq, 2000);
        }
        store("p4", 7, 0, 2000);
        List<ConfirmedRuns.Run> live = runs.runs("p3");
        writer.close();
        ConfirmedRuns loaded = ConfirmedRuns.load(db);
        assertEquals(List.of(new ConfirmedRuns.Run(2, 16, 17), new ConfirmedRuns.Run(2, 10, 14), new ConfirmedRuns.Run(1, 0, 9)),
                loaded.runs("p3"));
        assertEquals(live, loaded.runs("p3"));
        assertEquals(List.of(new ConfirmedRuns.Run(7, 0, 0)), loaded.runs("p4"));
        for (long gap = 20; gap < 40; gap += 2) {
            loaded.stored("p3", 2, gap);
        }
        assertEquals(4, loaded.runs("p3").size(), "the newest four runs: an acknowledgement stays small");
        assertEquals(new ConfirmedRuns.Run(2, 38, 38), loaded.runs("p3").get(0));
        start();
    }
}
