package dev.smartpot.mothership.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.smartpot.mothership.ingest.Inbound;
import dev.smartpot.mothership.ingest.PayloadParser;

/**
 * A real SQLite file under target/ with its writer running, fed messages as the broker would hand them over; a new
 * one for each test ({@code @RegisterExtension}).
 */
final class StoreOnFile implements BeforeEachCallback, AfterEachCallback {

    private final String folder;
    private final Instant now;
    private final PayloadParser parser = new PayloadParser();
    private final AtomicLong acks = new AtomicLong();
    private long offered;
    private Database db;
    private StoreWriter writer;

    /** @param now the writer's clock: the time every stored row is received at */
    StoreOnFile(String folder, Instant now) {
        this.folder = folder;
        this.now = now;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", folder));
        db = Database.sqlite(Files.createTempDirectory(dir, "db").resolve("m.db"));
        writer = new StoreWriter(db, new BootTracker(), Clock.fixed(now, ZoneOffset.UTC), 10_000);
        writer.start(StoreWriter.Listener.NONE);
    }

    Database db() {
        return db;
    }

    /** Hands a message to the writer as received at {@code at} (ms). */
    void receive(String topic, String payload, long at) {
        Inbound in = parser.parse(topic, payload.getBytes(StandardCharsets.UTF_8));
        offered++;
        writer.offer(new StoreWriter.Received(in, at, acks::incrementAndGet));
    }

    /** Waits until the writer has committed (and acked) every message received so far. */
    void awaitStored() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> acks.get() == offered);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        writer.close();
        db.close();
    }
}
