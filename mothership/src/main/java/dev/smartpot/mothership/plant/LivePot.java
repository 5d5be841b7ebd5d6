package dev.smartpot.mothership.plant;

import java.time.Instant;

import dev.smartpot.mothership.api.PlantState;
import dev.smartpot.mothership.api.PotSettings;
import dev.smartpot.mothership.api.PotView;
import dev.smartpot.mothership.api.ReadingView;

/**
 * One pot as the mothership knows it right now, in memory: its last reading, status, cadence, state and
 * settings. Changes are synchronized on the object; readers take {@link #view()}, an immutable snapshot
 * rebuilt after each change, so listing 10,000 pots touches no lock and no database.
 */
public final class LivePot {

    /** A change of state, for alerts and listeners. */
    public record Change(PlantState from, PlantState to, String reason) {
    }

    private final String id;
    private final Cadence cadence = new Cadence();
    private PotSettings settings;
    private String status;
    private ReadingView last;
    private Long lastUptime;
    private Instant lastHeard;
    private PlantState state = PlantState.UNKNOWN;
    private PlantState moistureState;
    private Instant stateSince;
    private String reason = "no reading yet";
    private Instant lastWatered;
    private long readings;
    private long dropped;
    private volatile PotView view;

    public LivePot(String id, PotSettings settings, Instant since) {
        this.id = id;
        this.settings = settings;
        this.stateSince = since;
        rebuildView();
    }

    public String id() {
        return id;
    }

    public PotView view() {
        return view;
    }

    public synchronized PotSettings settings() {
        return settings;
    }

    public synchronized void settings(PotSettings s) {
        settings = s;
        rebuildView();
    }

    public synchronized ReadingView lastReading() {
        return last;
    }

    /** The newest good moisture, null when none or the last reading was a fault. */
    public synchronized Double moisture() {
        return last == null ? null : last.moisture();
    }

    public synchronized PlantState state() {
        return state;
    }

    /** A stored reading; older ones (a backlog arriving out of order) count but do not replace the last. */
    public synchronized void reading(ReadingView r, Long uptimeMs, long droppedBefore) {
        readings++;
        dropped += droppedBefore;
        if (last == null || r.boot() > last.boot() || r.boot() == last.boot() && r.seq() > last.seq()) {
            if (last != null && r.boot() == last.boot()) {
                long steps = r.seq() - last.seq();
                if (uptimeMs != null && lastUptime != null) {
                    cadence.addGap((uptimeMs - lastUptime) / steps);
                } else {
                    cadence.addGap((r.ts().toEpochMilli() - last.ts().toEpochMilli()) / steps);
                }
            }
            last = r;
            lastUptime = uptimeMs;
        }
        if (lastHeard == null || r.receivedAt().isAfter(lastHeard)) {
            lastHeard = r.receivedAt();
        }
        rebuildView();
    }

    /** What the store had at start: the newest readings, newest first, and the lifetime counts. */
    public synchronized void restore(java.util.List<ReadingView> newestFirst, long count, long droppedTotal) {
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            reading(newestFirst.get(i), null, 0);
        }
        readings = count;
        dropped = droppedTotal;
        rebuildView();
    }

    public synchronized void status(String s) {
        status = s;
        rebuildView();
    }

    public synchronized void watered(Instant at) {
        lastWatered = at;
        rebuildView();
    }

    public synchronized Instant lastWatered() {
        return lastWatered;
    }

    /**
     * Re-decides the state.
     *
     * @param listeningSince when the mothership started listening: a pot is not STALE for silence before that
     * @param defaultIntervalMs the interval assumed until the pot's cadence is known
     * @return the change, or null when the state stayed
     */
    public synchronized Change evaluate(Instant now, Instant listeningSince, long defaultIntervalMs) {
        Instant heard = lastHeard == null || lastHeard.isBefore(listeningSince) ? listeningSince : lastHeard;
        long interval = intervalMs() > 0 ? intervalMs() : defaultIntervalMs;
        StateRules.Verdict v = StateRules.evaluate(last != null, status, now.toEpochMilli() - heard.toEpochMilli(),
                interval, last == null ? null : last.moisture(), last == null ? null : last.fault(), moistureState, settings);
        if (v.state() == PlantState.OK || v.state() == PlantState.DRY || v.state() == PlantState.WET) {
            moistureState = v.state();
        }
        PlantState before = state;
        boolean changed = before != v.state();
        if (changed) {
            state = v.state();
            stateSince = now;
        }
        if (changed || !v.reason().equals(reason)) {
            reason = v.reason();
            rebuildView();
        }
        return changed ? new Change(before, state, reason) : null;
    }

    public synchronized long intervalMs() {
        return cadence.intervalMs();
    }

    private void rebuildView() {
        view = new PotView(id, settings.name() == null || settings.name().isBlank() ? id : settings.name(),
                settings.room() == null ? "" : settings.room(), settings.preset(), state, stateSince, reason,
                last == null ? null : last.moisture(), last == null ? null : last.raw(),
                last == null ? null : last.fault(), lastHeard, status, cadence.intervalMs(), lastWatered, readings, dropped);
    }
}
