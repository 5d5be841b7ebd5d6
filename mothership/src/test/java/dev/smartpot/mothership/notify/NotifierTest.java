package dev.smartpot.mothership.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.alert.AlertBook;
import dev.smartpot.mothership.store.BootTracker;
import dev.smartpot.mothership.store.Database;
import dev.smartpot.mothership.store.StoreWriter;
import dev.smartpot.mothership.testing.ManualClock;

/**
 * The outbox with a real SQLite file and the real store writer; the receiver is a stand-in channel and the clock is
 * turned by hand: once per alert, retried with a doubling wait, given up after the bound, held through quiet hours
 * into one digest, and nothing sent twice after a restart.
 */
class NotifierTest {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");


    /** What a receiver got, and whether it takes the next one. */
    static final class StandInChannel implements Channel {
        final List<String> got = new CopyOnWriteArrayList<>();
        volatile String refuse;
        volatile Runnable whileSending = () -> { };

        @Override
        public void send(Target t, Message m) throws DeliveryFailed {
            whileSending.run();
            if (refuse != null) {
                throw new DeliveryFailed(refuse);
            }
            got.add(t.masked() + " " + m.event() + " " + m.title());
        }
    }

    private final ManualClock clock = new ManualClock(T0);
    private final StandInChannel channel = new StandInChannel();
    private Path file;
    private Database db;
    private StoreWriter writer;
    private AlertBook alerts;
    private Notifier notifier;

    @BeforeEach
    void open() throws Exception {
        file = Files.createTempDirectory(Files.createDirectories(Path.of("target", "notify-tests")).toAbsolutePath(), "n-")
                .resolve("m.db");
        start(List.of("json://127.0.0.1:9/all", "json://127.0.0.1:9/wet?kinds=WET"));
    }

    private void start(List<String> urls) throws Exception {
        db = Database.sqlite(file);
        writer = new StoreWriter(db, new BootTracker(), clock, 100);
        writer.start(StoreWriter.Listener.NONE);
        NotifyOptions options = new NotifyOptions(urls, List.of(), "http://pi.local:8080/", Duration.ofMinutes(10),
                Duration.ofHours(48), ZoneId.of("Europe/Berlin"), TelegramChannel.API);
        notifier = new Notifier(options, db, writer, clock, id -> id.equals("basil") ? new PotInfo("Basil", "Kitchen") : null, channel);
        alerts = new AlertBook(writer, db, clock, (a, change) -> { });
        alerts.alsoStore(notifier::raised);
        alerts.load();
    }

    @AfterEach
    void close() {
        notifier.close();
        writer.close();
        db.close();
    }

    private void raise(String pot, String kind) {
        alerts.raise(pot, kind, "pot " + pot + " is " + kind);
        writer.await(writer.submit(c -> null));
    }

    @Test
    void eachAlertOnceToEachTargetThatWantsIt() {
        raise("basil", "DRY");
        assertEquals(1, notifier.sendDue());
        assertEquals(List.of("json://127.0.0.1:9/all alert Basil (Kitchen): DRY"), channel.got);
        assertEquals(0, notifier.sendDue(), "nothing more to send");
        raise("basil", "DRY");
        assertEquals(0, notifier.sendDue(), "an alert still open is not raised, nor sent, again");
        raise("fern", "WET");
        assertEquals(2, notifier.sendDue());
        assertEquals(3, channel.got.size());
        List<Delivery> all = notifier.deliveries(0, 10);
        assertEquals(3, all.size());
        assertTrue(all.stream().allMatch(d -> d.status().equals("sent") && d.sentAt().equals(T0) && d.attempts() == 1));
    }

    @Test
    void retriedWithADoublingWaitUntilTheReceiverTakesIt() {
        channel.refuse = "HTTP 503 from json://127.0.0.1:9/all";
        raise("basil", "DRY");
        assertEquals(1, notifier.sendDue());
        Delivery d = notifier.deliveries(0, 1).get(0);
        assertEquals("pending", d.status());
        assertEquals("HTTP 503 from json://127.0.0.1:9/all", d.error());
        assertEquals(T0.plusSeconds(2), d.nextAt());
        assertEquals(0, notifier.sendDue(), "not before its time");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(1, notifier.sendDue());
        assertEquals(clock.instant().plusSeconds(4), notifier.deliveries(0, 1).get(0).nextAt(), "the wait doubles");
        assertEquals(2_000, Sender.backoff(1, Duration.ofMinutes(10)));
        assertEquals(600_000, Sender.backoff(12, Duration.ofMinutes(10)), "up to the maximum");
        channel.refuse = null;
        clock.advance(Duration.ofSeconds(4));
        assertEquals(1, notifier.sendDue());
        d = notifier.deliveries(0, 1).get(0);
        assertEquals("sent", d.status());
        assertEquals(3, d.attempts());
        assertNull(d.error());
        assertEquals(1, channel.got.size());
    }

    @Test
    void givenUpAfterTheBoundAndShownSo() {
        channel.refuse = "cannot reach json://127.0.0.1:9/all: Connection refused";
        raise("basil", "DRY");
        for (int i = 0; i < 400 && clock.instant().isBefore(T0.plus(Duration.ofHours(49))); i++) {
            notifier.sendDue();
            clock.advance(Duration.ofMinutes(10));
        }
        Delivery d = notifier.deliveries(0, 1).get(0);
        assertEquals("failed", d.status());
        assertEquals("cannot reach json://127.0.0.1:9/all: Connection refused", d.error());
        int attempts = d.attempts();
        channel.refuse = null;
        clock.advance(Duration.ofDays(1));
        assertEquals(0, notifier.sendDue(), "a given-up notification stays given up");
        assertEquals(attempts, notifier.deliveries(0, 1).get(0).attempts());
    }

    @Test
    void quietHoursHoldAlertsForOneDigestButNotUrgentOnes() throws Exception {
        close();
        start(List.of("json://127.0.0.1:9/night?quiet=22:00-07:00&urgent=FAULT"));
        clock.set(Instant.parse("2026-05-01T21:30:00Z")); // 23:30 in Berlin
        raise("basil", "DRY");
        raise("fern", "LOW_BATTERY");
        raise("ivy", "FAULT");
        assertEquals(1, notifier.sendDue());
        assertEquals(List.of("json://127.0.0.1:9/night?quiet=22:00-07:00&urgent=FAULT alert ivy: FAULT"), channel.got);
        clock.set(Instant.parse("2026-05-02T04:59:00Z"));
        assertEquals(0, notifier.sendDue(), "still quiet at 06:59");
        clock.set(Instant.parse("2026-05-02T05:00:00Z"));
        assertEquals(2, notifier.sendDue());
        assertEquals("json://127.0.0.1:9/night?quiet=22:00-07:00&urgent=FAULT digest 2 alerts during the quiet hours",
                channel.got.get(1));
        assertEquals(2, channel.got.size());
    }

    @Test
    void nothingSentTwiceAcrossARestartAndWhatWasLeftIsSent() throws Exception {
        raise("basil", "DRY");
        notifier.sendDue();
        channel.refuse = "down";
        raise("basil", "WET");
        notifier.sendDue();
        close();
        channel.refuse = null;
        start(List.of("json://127.0.0.1:9/all", "json://127.0.0.1:9/wet?kinds=WET"));
        clock.advance(Duration.ofSeconds(2));
        assertEquals(2, notifier.sendDue(), "the WET alert to both targets");
        assertEquals(0, notifier.sendDue());
        assertEquals(List.of("json://127.0.0.1:9/all alert Basil (Kitchen): DRY", "json://127.0.0.1:9/all alert Basil (Kitchen): WET",
                "json://127.0.0.1:9/wet?kinds=WET alert Basil (Kitchen): WET"), channel.got.stream().sorted().toList());
    }

    @Test
    void stoppingHandsBackWhatItClaimedButDidNotSend() throws Exception {
        raise("basil", "DRY");
        raise("fern", "DRY");
        channel.whileSending = () -> notifier.close(); // the mothership stops while the first one is being sent
        assertEquals(2, notifier.sendDue());
        assertEquals(1, channel.got.size(), "the send in progress finished; the next was not begun");
        writer.close();
        db.close();
        channel.whileSending = () -> { };
        start(List.of("json://127.0.0.1:9/all"));
        assertEquals(1, notifier.sendDue(), "sent at once after the restart, without waiting out a lease");
        assertEquals(List.of("json://127.0.0.1:9/all alert Basil (Kitchen): DRY", "json://127.0.0.1:9/all alert fern: DRY"),
                channel.got.stream().sorted().toList());
    }
}
