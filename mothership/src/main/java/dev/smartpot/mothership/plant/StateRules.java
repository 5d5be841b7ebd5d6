package dev.smartpot.mothership.plant;

import java.time.Instant;

import dev.smartpot.mothership.api.PlantState;
import dev.smartpot.mothership.api.PotSettings;
import dev.smartpot.protocol.StatusWords;

/**
 * Decides a pot's state from what is known about it, in this order: OFFLINE (it said so), STALE (it said it
 * would wake by now and has not been heard since), UNKNOWN (no reading yet), STALE (silent for 3 intervals
 * while not asleep on purpose), FAULT (its last reading), then DRY / WET / OK on the moisture with hysteresis.
 * A pot asleep on purpose keeps its plant's state (a DRY plant stays DRY while the pot sleeps: its alert stays
 * open, watering stays allowed); the sleep is said in the reason. A pot that is not talking is never OK.
 * Pure: no clock, no I/O.
 */
public final class StateRules {

    /** Silent for this many expected intervals = STALE. */
    public static final int STALE_INTERVALS = 3;

    private StateRules() {
    }

    /** The state and why, in words. */
    public record Verdict(PlantState state, String reason) {
    }

    /**
     * @param status        the pot's retained status, null if never seen
     * @param sleep         the sleep it announced and has not woken from yet (no reading since), null if none
     * @param nowMs         the time now, to compare with the sleep's wake
     * @param lastReadingAt when its last reading arrived, for the reason; null if none
     * @param silentMs      how long since the pot was last heard (or since the mothership started listening)
     * @param intervalMs    the expected interval (already defaulted when the cadence is unknown)
     * @param moisture      the last reading's moisture, null if it was a fault or there is none
     * @param fault         the last reading's fault, null if none
     * @param previous      the last moisture verdict (OK, DRY or WET) for hysteresis; null if none
     */
    public static Verdict evaluate(boolean hasReading, String status, SleepStatus.Sleep sleep, long nowMs,
                                   Instant lastReadingAt, long silentMs, long intervalMs, Double moisture,
                                   String fault, PlantState previous, PotSettings s) {
        if (StatusWords.OFFLINE.equals(status)) {
            return new Verdict(PlantState.OFFLINE, "the pot said it went offline (its status or last will)");
        }
        // Built only for a sleeping pot: this runs for every pot on every evaluation tick.
        String last = sleep == null || lastReadingAt == null ? "" : "; last reading " + SleepStatus.clock(lastReadingAt);
        if (sleep != null && nowMs > sleep.deadline().toEpochMilli()) {
            return new Verdict(PlantState.STALE, "it said it would wake at " + SleepStatus.clock(sleep.wakeAt())
                    + "; nothing since" + last);
        }
        String asleep = sleep == null ? "" : "; asleep until " + SleepStatus.clock(sleep.wakeAt()) + last;
        if (!hasReading) {
            return new Verdict(PlantState.UNKNOWN, "no reading yet" + asleep);
        }
        if (sleep == null && silentMs > STALE_INTERVALS * intervalMs) {
            return new Verdict(PlantState.STALE, "no reading for " + seconds(silentMs) + "; expected one every "
                    + seconds(intervalMs));
        }
        if (fault != null || moisture == null) {
            return new Verdict(PlantState.FAULT, "the sensor reports a fault: " + (fault == null ? "no moisture" : fault)
                    + asleep);
        }
        Verdict v = moistureVerdict(moisture, previous, s);
        return asleep.isEmpty() ? v : new Verdict(v.state(), v.reason() + asleep);
    }

    /** The reason in one builder (no string per percentage): made for every reading of every pot. */
    private static Verdict moistureVerdict(double moisture, PlantState previous, PotSettings s) {
        PlantState m = moistureState(moisture, previous, s);
        StringBuilder b = appendPercent(new StringBuilder(64).append("moisture "), moisture);
        switch (m) {
            case DRY -> {
                if (moisture < s.dryBelow()) {
                    appendPercent(b.append(" below "), s.dryBelow());
                } else {
                    appendPercent(appendPercent(b.append(" not yet back above "), s.dryBelow() + s.hysteresis())
                            .append(" after being below "), s.dryBelow());
                }
            }
            case WET -> {
                if (moisture > s.wetAbove()) {
                    appendPercent(b.append(" above "), s.wetAbove());
                } else {
                    appendPercent(appendPercent(b.append(" not yet back below "), s.wetAbove() - s.hysteresis())
                            .append(" after being above "), s.wetAbove());
                }
            }
            default -> appendPercent(appendPercent(b.append(" between "), s.dryBelow()).append(" and "), s.wetAbove());
        }
        return new Verdict(m, b.toString());
    }

    /** DRY, WET or OK; a state is left only once the moisture is the hysteresis back inside. */
    public static PlantState moistureState(double moisture, PlantState previous, PotSettings s) {
        if (previous == PlantState.DRY && moisture < s.dryBelow() + s.hysteresis()) {
            return PlantState.DRY;
        }
        if (previous == PlantState.WET && moisture > s.wetAbove() - s.hysteresis()) {
            return PlantState.WET;
        }
        if (moisture < s.dryBelow()) {
            return PlantState.DRY;
        }
        if (moisture > s.wetAbove()) {
            return PlantState.WET;
        }
        return PlantState.OK;
    }

    /**
     * "18.2%": one decimal, rounded half away from zero as {@code %.1f} does. Built by hand because every
     * pot's reason is rebuilt on each reading and each evaluation tick (10,000 pots a second), where
     * {@code String.format} was the evaluation's largest cost.
     */
    static String percent(double v) {
        return appendPercent(new StringBuilder(8), v).toString();
    }

    private static StringBuilder appendPercent(StringBuilder b, double v) {
        if (!Double.isFinite(v) || Math.abs(v) >= 1e12) {
            return b.append(String.format(java.util.Locale.ROOT, "%.1f%%", v));
        }
        long tenths = Math.round(Math.abs(v) * 10);
        if (v < 0 || v == 0 && 1 / v < 0) {
            b.append('-');
        }
        return b.append(tenths / 10).append('.').append(tenths % 10).append('%');
    }

    static String seconds(long ms) {
        if (ms < 120_000) {
            return (ms / 1000) + " s";
        }
        if (ms < 7_200_000) {
            return (ms / 60_000) + " min";
        }
        return (ms / 3_600_000) + " h";
    }
}
