package dev.smartpot.mothership.plant;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.smartpot.mothership.api.PlantState;
import dev.smartpot.mothership.api.PotSettings;
import dev.smartpot.mothership.api.PotView;
import dev.smartpot.mothership.api.ReadingView;
import dev.smartpot.mothership.ingest.Inbound;
import dev.smartpot.protocol.AboutFields;
import dev.smartpot.protocol.StatusWords;

/**
 * One pot as the mothership knows it right now, in memory: its last reading, status, cadence, state and
 * settings. Changes are synchronized on the object; readers take {@link #view()}, an immutable snapshot
 * made at the first read after a change (not at each change: a saturating ingest changes a pot several times per
 * batch and nobody reads most of those), so listing 10,000 pots touches no database and only the lock of a pot
 * that changed since the last list.
 */
public final class LivePot {

    /** A change of state, for alerts and listeners. */
    public record Change(PlantState from, PlantState to, String reason) {
    }

    private final String id;
    private final Cadence cadence = new Cadence();
    private PotSettings settings;
    private String status;
    /** What the status says, in a word: online, asleep, offline (or the text of one this version does not know). */
    private String statusWord;
    /** The sleep its status announced, null when the status is not a sleep. */
    private SleepStatus.Sleep sleep;
    /** The announced wake while the pot is asleep on purpose (for the view), else null. */
    private Instant asleepUntil;
    private Integer batteryMv;
    private Instant batteryAt;
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
    /** Readings refused because another reading held their (pot, boot, seq); see {@link #conflict}. */
    private long conflicts;
    /** What the pot said it is and allows (its about message), null until it did. */
    private Inbound.About about;
    /** Why the newest reading was refused, while it is the newest; null once a reading is stored again. */
    private String refusal;
    /** See {@link #awakeBriefly()}; volatile so the store writer reads it without the lock. */
    private volatile boolean awakeBriefly;
    /** Set to null under the lock by each change; the next {@link #view()} makes it again. */
    private volatile PotView view;

    public LivePot(String id, PotSettings settings, Instant since) {
        this.id = id;
        this.settings = settings;
        this.stateSince = since;
    }

    public String id() {
        return id;
    }

    public PotView view() {
        PotView v = view;
        return v != null ? v : madeView();
    }

    private synchronized PotView madeView() {
        if (view == null) {
            view = new PotView(id, settings.name() == null || settings.name().isBlank() ? id : settings.name(),
                    settings.room() == null ? "" : settings.room(), settings.preset(), state, stateSince,
                    refusal == null ? reason : reason + "; its new readings are refused: " + refusal,
                    last == null ? null : last.moisture(), last == null ? null : last.raw(),
                    last == null ? null : last.fault(), lastHeard, statusWord, cadence.intervalMs(), lastWatered, readings,
                    dropped, asleepUntil, batteryMv, batteryAt, conflicts, about == null ? null : about.pump(),
                    about == null ? null : about.waterMaxMl(), about == null ? null : about.waterCooldownS(),
                    about == null ? null : about.board(), settings.dryBelow(), settings.wetAbove());
        }
        return view;
    }

    public synchronized PotSettings settings() {
        return settings;
    }

    public synchronized void settings(PotSettings s) {
        settings = s;
        view = null;
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
        refusal = null;
        dropped += droppedBefore;
        if (last == null || r.boot() > last.boot() || r.boot() == last.boot() && r.seq() > last.seq()) {
            if (last != null && r.boot() == last.boot()) {
                cadence.addGap(gapMs(last, lastUptime, r, uptimeMs));
            }
            last = r;
            lastUptime = uptimeMs;
            if (r.batteryMv() != null) {
                batteryMv = r.batteryMv();
                batteryAt = r.ts();
            }
        }
        if (lastHeard == null || r.receivedAt().isAfter(lastHeard)) {
            lastHeard = r.receivedAt();
        }
        view = null;
    }

    /**
     * The time per seq step between two readings of one boot, 0 when it cannot be told. On the pot's uptime while
     * it grows; when it goes back within a boot (a deep-sleep pot counts uptime from each wake, so the first
     * reading of a burst is "before" the last of the previous one) on the pot's own clock. Arrival times measure
     * bursts, not readings: used only for readings restored without uptime, and not when they came within a
     * second of each other (a burst of queued readings).
     */
    static long gapMs(ReadingView before, Long beforeUptime, ReadingView after, Long afterUptime) {
        long steps = after.seq() - before.seq();
        if (afterUptime != null && beforeUptime != null && afterUptime > beforeUptime) {
            return (afterUptime - beforeUptime) / steps;
        }
        if (after.hasPotClock() && before.hasPotClock()) {
            return (after.ts().toEpochMilli() - before.ts().toEpochMilli()) / steps;
        }
        if (afterUptime != null && beforeUptime != null) {
            return 0;
        }
        long arrival = after.receivedAt().toEpochMilli() - before.receivedAt().toEpochMilli();
        return arrival < 1000 ? 0 : arrival / steps;
    }

    /** What the store had at start: the newest readings, newest first, and the lifetime counts. */
    public synchronized void restore(List<ReadingView> newestFirst, long count, long droppedTotal) {
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            reading(newestFirst.get(i), null, 0);
        }
        readings = count;
        dropped = droppedTotal;
        view = null;
    }

    /**
     * The pot's retained status arrived at {@code at}. The same sleeping status again with nothing heard in between
     * (a redelivery of the retained message after a reconnect) keeps its first arrival: its sleep does not restart.
     */
    public synchronized void status(String s, Instant at) {
        boolean redelivery = s != null && s.equals(status) && sleep != null
                && (lastHeard == null || !lastHeard.isAfter(sleep.announcedAt()));
        if (!redelivery) {
            sleep = SleepStatus.parse(s, at);
        }
        status = s;
        String state = SleepStatus.state(s);
        statusWord = state != null ? state : s;
        noteWakes();
        view = null;
    }

    /** The sleep the pot announced and has not woken from (nothing heard since it said so), else null. */
    private SleepStatus.Sleep currentSleep() {
        if (sleep == null || lastHeard != null && lastHeard.isAfter(sleep.announcedAt())) {
            return null;
        }
        return sleep;
    }

    /** The announced wake while the pot is asleep on purpose, else null. */
    public synchronized Instant asleepUntil() {
        return asleepUntil;
    }

    /** The sleep the pot is in on purpose right now (as of the last evaluation), else null. */
    public synchronized SleepStatus.Sleep sleeping() {
        return asleepUntil == null ? null : currentSleep();
    }

    /** The newest battery voltage in mV, null if the pot never sent one. */
    public synchronized Integer batteryMv() {
        return batteryMv;
    }

    public synchronized void watered(Instant at) {
        lastWatered = at;
        view = null;
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
    public Change evaluate(Instant now, Instant listeningSince, long defaultIntervalMs) {
        return evaluate(now, listeningSince, defaultIntervalMs, 0);
    }

    /**
     * @param commitLagMs how long a reading received may wait for its commit (the store's gather window): not silence,
     *                    or a pot at one reading a second would look silent for three intervals while one waits
     */
    public synchronized Change evaluate(Instant now, Instant listeningSince, long defaultIntervalMs, long commitLagMs) {
        Instant heard = lastHeard == null || lastHeard.isBefore(listeningSince) ? listeningSince : lastHeard;
        long interval = intervalMs() > 0 ? intervalMs() : defaultIntervalMs;
        SleepStatus.Sleep asleep = currentSleep();
        StateRules.Verdict v = StateRules.evaluate(last != null, statusWord, asleep, now.toEpochMilli(),
                last == null ? null : last.ts(),
                Math.max(0, now.toEpochMilli() - heard.toEpochMilli() - commitLagMs), interval, last == null ? null : last.moisture(),
                last == null ? null : last.fault(), moistureState, settings);
        Instant until = asleep != null && v.state() != PlantState.STALE && v.state() != PlantState.OFFLINE
                ? asleep.wakeAt() : null;
        boolean sleepChanged = !Objects.equals(until, asleepUntil);
        asleepUntil = until;
        if (v.state() == PlantState.OK || v.state() == PlantState.DRY || v.state() == PlantState.WET) {
            moistureState = v.state();
        }
        PlantState before = state;
        boolean changed = before != v.state();
        if (changed) {
            state = v.state();
            stateSince = now;
        }
        if (changed || sleepChanged || !v.reason().equals(reason)) {
            reason = v.reason();
            view = null;
        }
        return changed ? new Change(before, state, reason) : null;
    }

    /** The pot's about message, or null to forget it (the retained slot was cleared). */
    public synchronized void about(Inbound.About a) {
        about = a;
        noteWakes();
        view = null;
    }

    /** What the pot said it is and allows; null until it did. */
    public synchronized Inbound.About about() {
        return about;
    }

    /** A reading not stored: another reading already holds its (pot, boot, seq). */
    public synchronized void conflict(String why) {
        conflicts++;
        refusal = why;
        view = null;
    }

    /** True while the pot's newest reading was refused as a conflict: its new readings are not being stored. */
    public synchronized boolean refusingReadings() {
        return refusal != null;
    }

    public synchronized long intervalMs() {
        return cadence.intervalMs();
    }

    /**
     * True when the pot is awake only briefly: its about says it deep-sleeps, or its last status says it is asleep (a
     * deep-sleep pot says nothing at a wake before its readings). Its readings commit without the gather's wait, so
     * the acknowledgement reaches the pot while it still listens. Without the lock: asked for each queued reading.
     */
    public boolean awakeBriefly() {
        return awakeBriefly;
    }

    private void noteWakes() {
        awakeBriefly = about != null && AboutFields.DEEP_SLEEP.equals(about.power()) || StatusWords.ASLEEP.equals(statusWord);
    }
}
