package dev.smartpot.mothership.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.api.AlertView;

/** The marks on a pot's chart: its own alerts raised in the chart's range, open or closed, newest first. */
class AlertLogOfPotTest {

    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

    private Database db;
    private StoreWriter writer;

    @BeforeEach
    void open() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "alert-log-tests"));
        db = Database.sqlite(Files.createTempDirectory(dir, "db").resolve("m.db"));
        writer = new StoreWriter(db, new BootTracker(), Clock.fixed(T0, ZoneOffset.UTC), 100);
        writer.start(StoreWriter.Listener.NONE);
    }

    @AfterEach
    void close() {
        writer.close();
        db.close();
    }

    private long raise(String pot, String kind, Instant at) {
        return writer.await(writer.submit(c -> AlertLog.raise(c, new AlertView(0, pot, kind, kind + " of " + pot, at, null, null, null))))
                .alert().id();
    }

    @Test
    void onlyThisPotsAlertsRaisedInTheRangeNewestFirst() {
        long before = raise("basil", "STALE", T0.minusSeconds(7200));
        writer.await(writer.submit(c -> AlertLog.close(c, before, T0.minusSeconds(7000))));
        long dry = raise("basil", "DRY", T0.minusSeconds(1800));
        writer.await(writer.submit(c -> AlertLog.close(c, dry, T0.minusSeconds(1700))));
        long wet = raise("basil", "WET", T0.minusSeconds(600));
        raise("fern", "DRY", T0.minusSeconds(900));
        raise("basil", "FAULT", T0); // the end of the range is not in it

        List<AlertView> hour = AlertLog.ofPot(db, "basil", T0.minusSeconds(3600), T0, 100);
        assertEquals(List.of(wet, dry), hour.stream().map(AlertView::id).toList());
        assertEquals(T0.minusSeconds(1700), hour.get(1).closedAt(), "a closed alert is still a mark");
        assertEquals(List.of(wet), AlertLog.ofPot(db, "basil", T0.minusSeconds(3600), T0, 1).stream().map(AlertView::id).toList());
        assertEquals(4, AlertLog.ofPot(db, "basil", T0.minusSeconds(86400), T0.plusSeconds(1), 100).size(),
                "a day holds all four of basil's");
    }
}
