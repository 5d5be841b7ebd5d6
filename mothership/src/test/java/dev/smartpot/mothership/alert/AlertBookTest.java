package dev.smartpot.mothership.alert;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.api.AlertView;
import dev.smartpot.mothership.api.PlantState;
import dev.smartpot.mothership.plant.LivePot;
import dev.smartpot.mothership.store.BootTracker;
import dev.smartpot.mothership.store.Database;
import dev.smartpot.mothership.store.AlertLog;
import dev.smartpot.mothership.store.StoreWriter;

/** Alerts raised once, closed when their cause ends (also across a restart), acknowledged by a person. */
class AlertBookTest {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    private Database db;
    private StoreWriter writer;
    private final List<String> published = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws Exception {
        db = Database.sqlite(Files.createTempDirectory("mship-alerts").resolve("m.db"));
        writer = new StoreWriter(db, new BootTracker(), Clock.fixed(T0, ZoneOffset.UTC), 100);
        writer.start(StoreWriter.Listener.NONE);
    }

    @AfterEach
    void close() {
        writer.close();
        db.close();
    }

    private AlertBook book() {
        AlertBook b = new AlertBook(writer, db, Clock.fixed(T0, ZoneOffset.UTC),
                (a, change) -> published.add(change + " " + a.kind() + " " + a.potId()));
        b.load();
        return b;
    }

    @Test
    void raisedOnceWhileItLastsAndClosedWhenItEnds() {
        AlertBook alerts = book();
        alerts.stateChanged("p", new LivePot.Change(PlantState.OK, PlantState.DRY, "moisture 20% below 25%"));
        alerts.raise("p", "DRY", "again");
        await().until(() -> published.size() == 1);
        alerts.stateChanged("p", new LivePot.Change(PlantState.DRY, PlantState.OK, "moisture 40%"));
        await().until(() -> published.equals(List.of("raised DRY p", "closed DRY p")));
        List<AlertView> all = AlertLog.recent(db, true, 10);
        assertEquals(1, all.size());
        assertTrue(all.get(0).message().contains("needs water"));
        assertFalse(all.get(0).open());
    }

    @Test
    void anAlertLeftOpenBeforeARestartIsClosedWhenThePotIsFine() {
        book().raise("p", "STALE", "no reading for 20 s");
        await().until(() -> published.size() == 1);
        AlertBook restarted = book();
        assertTrue(restarted.isOpen("p", "STALE"));
        restarted.stateChanged("p", new LivePot.Change(PlantState.UNKNOWN, PlantState.OK, "moisture 40%"));
        await().until(() -> published.contains("closed STALE p"));
        assertTrue(AlertLog.recent(db, false, 10).isEmpty());
    }

    @Test
    void acknowledgingTheLockOutClosesItAndLiftsIt() {
        AlertBook alerts = book();
        AtomicReference<String> lifted = new AtomicReference<>();
        alerts.onLockOutLifted(lifted::set);
        alerts.raise("p", AlertKinds.WATERING_LOCKED_OUT, "no effect");
        await().until(() -> published.size() == 1);
        long id = AlertLog.recent(db, false, 10).get(0).id();
        AlertView acked = alerts.acknowledge(id, "alice");
        assertEquals("alice", acked.acknowledgedBy());
        assertFalse(acked.open());
        assertEquals("p", lifted.get());
        assertFalse(alerts.isOpen("p", AlertKinds.WATERING_LOCKED_OUT));
    }
}
