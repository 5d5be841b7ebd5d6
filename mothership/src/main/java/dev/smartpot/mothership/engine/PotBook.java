package dev.smartpot.mothership.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

import dev.smartpot.mothership.api.PotSettings;
import dev.smartpot.mothership.api.PotView;
import dev.smartpot.mothership.plant.LivePot;
import dev.smartpot.mothership.store.BootTracker;
import dev.smartpot.mothership.store.Database;
import dev.smartpot.mothership.store.PotTable;
import dev.smartpot.mothership.store.StartState;

/**
 * Every pot in memory, rebuilt from the store at start: the pot list is served from here (no query), and
 * readings, statuses and the clock move each pot's state.
 */
final class PotBook {

    /** Readings per pot read back at start: the last reading and enough gaps for the cadence. */
    private static final int RESTORE_READINGS = 10;

    private final Map<String, LivePot> pots = new ConcurrentHashMap<>();
    private final Function<String, PotSettings> defaults;
    private final Set<String> notedMismatch = ConcurrentHashMap.newKeySet();
    /** The pots in list order; null when a pot was added or renamed since. */
    private volatile List<LivePot> sorted;

    PotBook(Function<String, PotSettings> defaults) {
        this.defaults = defaults;
    }

    /** Loads every pot, its newest readings and where its boot stands. */
    void load(Database db, BootTracker boots, Instant now) {
        // A few queries for all pots, not several per pot: 10,000 pots start in about a second.
        Map<String, StartState.PotStart> starts = StartState.load(db, RESTORE_READINGS);
        StartState.PotStart none = new StartState.PotStart(List.of(), null, 0, 0);
        for (PotTable.Row row : PotTable.all(db)) {
            LivePot pot = new LivePot(row.id(), row.settings() != null ? row.settings() : defaults.apply(row.id()), now);
            StartState.PotStart start = starts.getOrDefault(row.id(), none);
            pot.restore(start.newestFirst(), start.count(), start.dropped());
            pot.status(row.status(), row.statusAt() != null ? row.statusAt() : now);
            if (start.boot() != null) {
                boots.load(row.id(), start.boot());
            }
            pots.put(row.id(), pot);
        }
        sorted = null;
    }

    LivePot get(String id) {
        return pots.get(id);
    }

    /** The pot, made (with default settings) on its first message. */
    LivePot getOrAdd(String id, Instant now) {
        LivePot p = pots.get(id);
        if (p != null) {
            return p;
        }
        p = pots.computeIfAbsent(id, k -> new LivePot(k, defaults.apply(k), now));
        sorted = null;
        return p;
    }

    void remove(String id) {
        pots.remove(id);
        notedMismatch.remove(id);
        sorted = null;
    }

    Collection<LivePot> all() {
        return pots.values();
    }

    /**
     * Sorted by room, then name, then id. The order changes only when a pot is added or renamed, so it is
     * kept; a call reads each pot's current snapshot in that order (10,000 pots: no sort; a pot's lock only if it
     * changed since its last snapshot).
     */
    List<PotView> views() {
        List<LivePot> order = sorted;
        if (order == null) {
            List<LivePot> fresh = new ArrayList<>(pots.values());
            fresh.sort(Comparator.comparing((LivePot p) -> p.view().room()).thenComparing(p -> p.view().name())
                    .thenComparing(LivePot::id));
            order = fresh;
            sorted = fresh;
        }
        List<PotView> out = new ArrayList<>(order.size());
        for (LivePot p : order) {
            out.add(p.view());
        }
        return out;
    }

    /** A pot's name or room changed: the order is made again at the next call. */
    void reorder() {
        sorted = null;
    }

    /** A reading whose payload id disagreed with its topic: said once per pot, not per reading. */
    void noteOnce(String potId, String note, BiConsumer<String, String> say) {
        if (note != null && notedMismatch.add(potId)) {
            say.accept(potId, note);
        }
    }
}
