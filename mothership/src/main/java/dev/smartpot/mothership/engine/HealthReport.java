package dev.smartpot.mothership.engine;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.smartpot.mothership.api.Health;
import dev.smartpot.mothership.broker.BrokerLink;
import dev.smartpot.mothership.plant.LivePot;
import dev.smartpot.mothership.store.Database;
import dev.smartpot.mothership.store.MessageLog;
import dev.smartpot.mothership.store.StoreWriter;

/** The mothership's health from its parts: the broker link, the store, pots whose readings are refused, junk. */
final class HealthReport {

    private final BrokerLink link;
    private final StoreWriter writer;
    private final PotBook pots;
    private final Database db;
    private final String brokerUrl;
    private final Instant startedAt;
    private final long junkAtStart;
    private final AtomicLong junkSinceStart = new AtomicLong();

    HealthReport(BrokerLink link, StoreWriter writer, PotBook pots, Database db, String brokerUrl, Instant startedAt) {
        this.link = link;
        this.writer = writer;
        this.pots = pots;
        this.db = db;
        this.brokerUrl = brokerUrl;
        this.startedAt = startedAt;
        this.junkAtStart = MessageLog.junkCount(db);
    }

    void countJunk(long n) {
        junkSinceStart.addAndGet(n);
    }

    Health now() {
        boolean broker = link.connected();
        String storeError = writer.error();
        List<String> refusing = pots.all().stream().filter(LivePot::refusingReadings).map(LivePot::id).sorted().toList();
        return new Health(broker && storeError == null && refusing.isEmpty(), broker, brokerUrl,
                storeError == null, storeError, db.describe(), writer.stored(), writer.duplicates(),
                junkAtStart + junkSinceStart.get(), writer.backlog(), startedAt, writer.conflicts(), refusing);
    }
}
