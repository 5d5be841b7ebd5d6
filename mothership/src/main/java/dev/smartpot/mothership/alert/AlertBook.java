package dev.smartpot.mothership.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import dev.smartpot.mothership.api.AlertView;
import dev.smartpot.mothership.api.PlantState;
import dev.smartpot.mothership.plant.LivePot;
import dev.smartpot.mothership.store.Database;
import dev.smartpot.mothership.store.AlertLog;
import dev.smartpot.mothership.store.StoreWriter;

/**
 * Keeps alerts: raised once when a condition worth a person's attention begins (a pot turning DRY, WET,
 * STALE, OFFLINE or FAULT, a watering without effect, a watering lock-out), not repeated while it lasts,
 * closed when it ends, acknowledged by a person. Each change is stored and handed to the
 * {@link AlertSink} (the MQTT topic {@code mothership/alerts} and the live events).
 *
 * <p>Open alerts live in memory (loaded at start) so a check costs no query; ids come from the store.
 */
public final class AlertBook {

    /** Where raised, closed and acknowledged alerts go. */
    public interface AlertSink {
        /** @param change "raised", "closed" or "acknowledged" */
        void alert(AlertView alert, String change);
    }

    private final StoreWriter writer;
    private final Database db;
    private final Clock clock;
    private final AlertSink sink;
    /** pot -> kind -> the open alert (completes once stored, with its id). */
    private final Map<String, Map<String, CompletableFuture<AlertView>>> open = new HashMap<>();
    private volatile Consumer<String> lockOutLifted = pot -> { };
    private volatile InTransaction alsoStore = (c, a) -> { };

    /** More to store with a new alert, in its own transaction (the notifications' outbox rows). */
    public interface InTransaction {
        void raised(java.sql.Connection c, AlertView alert) throws java.sql.SQLException;
    }

    public AlertBook(StoreWriter writer, Database db, Clock clock, AlertSink sink) {
        this.writer = writer;
        this.db = db;
        this.clock = clock;
        this.sink = sink;
    }

    /** Called when a person acknowledges a WATERING_LOCKED_OUT alert: watering may resume. */
    public void onLockOutLifted(Consumer<String> action) {
        lockOutLifted = action;
    }

    /** Set before the first alert: what else a new alert's transaction stores. */
    public void alsoStore(InTransaction action) {
        alsoStore = action;
    }

    /** A deleted pot: its alerts are gone from the store, so none is open. */
    public synchronized void forget(String potId) {
        open.remove(potId);
    }

    /** At start: the alerts still open in the store. */
    public synchronized void load() {
        for (AlertView a : AlertLog.recent(db, false, Integer.MAX_VALUE)) {
            open.computeIfAbsent(a.potId(), k -> new HashMap<>()).put(a.kind(), CompletableFuture.completedFuture(a));
        }
    }

    /**
     * Closes every open state alert the new state ends (not only the old state's: after a restart a pot
     * starts UNKNOWN while its STALE alert is still open) and raises the new state's, if it deserves one.
     */
    public void stateChanged(String potId, LivePot.Change change) {
        for (PlantState s : AlertKinds.STATE_ALERTS) {
            if (s != change.to()) {
                close(potId, s.name());
            }
        }
        if (AlertKinds.worthAlert(change.to())) {
            raise(potId, change.to().name(), message(potId, change.to(), change.reason()));
        }
    }

    /** Raises an alert unless one of this kind is already open for the pot. */
    public synchronized void raise(String potId, String kind, String message) {
        Map<String, CompletableFuture<AlertView>> mine = open.computeIfAbsent(potId, k -> new HashMap<>());
        if (mine.containsKey(kind)) {
            return;
        }
        Instant now = clock.instant();
        AlertView draft = new AlertView(0, potId, kind, message, now, null, null, null);
        InTransaction also = alsoStore;
        CompletableFuture<AlertLog.Raised> raised = writer.submit(c -> {
            AlertLog.Raised r = AlertLog.raise(c, draft);
            // Only the instance that stored it (of several sharing a database) adds the rest.
            if (r.fresh()) {
                also.raised(c, r.alert());
            }
            return r;
        });
        CompletableFuture<AlertView> stored = raised.thenApply(AlertLog.Raised::alert);
        mine.put(kind, stored);
        // Another instance sharing the database may have raised it first: then that one announced it.
        raised.thenAccept(r -> {
            if (r.fresh()) {
                sink.alert(r.alert(), "raised");
            }
        });
    }

    public synchronized boolean isOpen(String potId, String kind) {
        Map<String, CompletableFuture<AlertView>> mine = open.get(potId);
        return mine != null && mine.containsKey(kind);
    }

    /** Closes the pot's open alert of this kind, if any. */
    public synchronized void close(String potId, String kind) {
        Map<String, CompletableFuture<AlertView>> mine = open.get(potId);
        CompletableFuture<AlertView> alert = mine == null ? null : mine.remove(kind);
        if (alert == null) {
            return;
        }
        Instant now = clock.instant();
        alert.thenAccept(a -> {
            AlertView closed = new AlertView(a.id(), a.potId(), a.kind(), a.message(), a.raisedAt(), now,
                    a.acknowledgedAt(), a.acknowledgedBy());
            // Closed once: when another instance sharing the database closed it first, it announced it.
            writer.submit(c -> AlertLog.close(c, a.id(), now)).thenAccept(closedHere -> {
                if (closedHere) {
                    sink.alert(closed, "closed");
                }
            });
        });
    }

    /**
     * A person saw it. Acknowledging a WATERING_LOCKED_OUT alert also closes it and lifts the lock-out:
     * the person says the pump and sensor were checked.
     */
    public AlertView acknowledge(long id, String by) {
        AlertView a = find(id);
        if (a == null) {
            throw new IllegalArgumentException("no alert " + id + "; expected an id from GET /api/alerts");
        }
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("who acknowledges alert " + id + "? expected a name");
        }
        Instant now = clock.instant();
        boolean lockOut = AlertKinds.WATERING_LOCKED_OUT.equals(a.kind()) && a.open();
        AlertView acked = new AlertView(a.id(), a.potId(), a.kind(), a.message(), a.raisedAt(),
                lockOut ? now : a.closedAt(), now, by);
        synchronized (this) {
            Map<String, CompletableFuture<AlertView>> mine = open.get(a.potId());
            if (mine != null && mine.containsKey(a.kind())) {
                if (lockOut) {
                    mine.remove(a.kind());
                } else {
                    mine.put(a.kind(), CompletableFuture.completedFuture(acked));
                }
            }
        }
        writer.await(writer.submit(c -> AlertLog.update(c, acked)));
        sink.alert(acked, "acknowledged");
        if (lockOut) {
            lockOutLifted.accept(a.potId());
        }
        return acked;
    }

    private AlertView find(long id) {
        synchronized (this) {
            for (Map<String, CompletableFuture<AlertView>> mine : open.values()) {
                for (CompletableFuture<AlertView> f : mine.values()) {
                    AlertView a = f.getNow(null);
                    if (a != null && a.id() == id) {
                        return a;
                    }
                }
            }
        }
        List<AlertView> stored = AlertLog.byId(db, id);
        return stored.isEmpty() ? null : stored.get(0);
    }

    static String message(String potId, PlantState state, String reason) {
        return switch (state) {
            case DRY -> "pot " + potId + " needs water: " + reason;
            case WET -> "pot " + potId + " is too wet: " + reason;
            case STALE -> "pot " + potId + " stopped sending: " + reason;
            case OFFLINE -> "pot " + potId + " is offline: " + reason;
            case FAULT -> "pot " + potId + "'s sensor is faulty: " + reason;
            default -> "pot " + potId + ": " + reason;
        };
    }
}
