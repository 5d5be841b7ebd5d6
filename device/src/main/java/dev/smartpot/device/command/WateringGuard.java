package dev.smartpot.device.command;

import dev.smartpot.device.text.Durations;
import dev.smartpot.device.config.SafetyConfig;
import dev.smartpot.device.reading.MoistureScale;
import dev.smartpot.device.reading.RawCodes;

/**
 * Decides whether the pot may water now, whatever the mothership asks: never on wet soil or a sensor it cannot
 * trust, never sooner than {@code water.cooldown} after the last watering, and never more than the hourly and daily
 * budgets over any sliding hour and day. The history is a fixed ring of (time, millilitres), so a check allocates
 * nothing; when the ring is full its two oldest entries merge into one at the later time, which can only overcount.
 */
final class WateringGuard {

    private static final long HOUR = 3600000L;
    private static final long DAY = 24 * HOUR;
    private static final int HISTORY = 48;

    private final SafetyConfig limits;
    private final long[] times = new long[HISTORY];
    private final int[] amounts = new int[HISTORY];
    /** Index of the oldest entry, and how many there are. */
    private int oldest;
    private int count;
    private long nextAllowedIn;

    public WateringGuard(SafetyConfig limits) {
        this.limits = limits;
    }

    /**
     * Why {@code ml} may not be poured now, or null when it may.
     *
     * @param rawCode what the sensor reads now (counts or a {@link RawCodes} fault)
     */
    public String refusal(long now, int ml, int rawCode, MoistureScale scale) {
        forgetBefore(now - DAY);
        int largest = Math.min(limits.waterBudgetHourMl, limits.waterBudgetDayMl);
        nextAllowedIn = waitFor(now, Math.min(ml, largest));
        int fault = scale.fault(rawCode);
        if (fault != MoistureScale.OK) {
            return "watering refused: the soil sensor reads " + MoistureScale.faultName(fault)
                    + (rawCode == RawCodes.READ_ERROR ? "" : " (raw " + rawCode + ")")
                    + ", so the pot cannot tell whether the soil is already wet; expected a working sensor";
        }
        int tenths = scale.tenthsOfPercent(rawCode);
        if (tenths >= limits.waterWetAbovePercent * 10) {
            return "watering refused: the soil reads " + (tenths / 10) + "." + (tenths % 10) + " % moist, at or above "
                    + limits.waterWetAbovePercent + " % (water.wet.above); expected drier soil";
        }
        if (ml > largest) {
            return "watering refused: " + ml + " ml is more than the pot may pour in " + (largest == limits.waterBudgetHourMl
                    ? "an hour (water.budget.hour = " : "a day (water.budget.day = ") + largest + " ml); expected at most " + largest + " ml";
        }
        if (count > 0 && now - newestTime() < limits.waterCooldownMillis) {
            return "watering refused: the pot watered " + CommandLimiter.seconds(now - newestTime()) + " s ago; expected at least "
                    + Durations.format(limits.waterCooldownMillis) + " between waterings (water.cooldown)";
        }
        int hour = pouredSince(now - HOUR);
        if (hour + ml > limits.waterBudgetHourMl) {
            return budgetRefusal(ml, hour, limits.waterBudgetHourMl, "hour");
        }
        int day = pouredSince(now - DAY);
        if (day + ml > limits.waterBudgetDayMl) {
            return budgetRefusal(ml, day, limits.waterBudgetDayMl, "day");
        }
        return null;
    }

    private static String budgetRefusal(int ml, int poured, int budget, String period) {
        return "watering refused: " + poured + " of the " + budget + " ml allowed per " + period + " (water.budget." + period
                + ") poured in the last " + period + ", " + ml + " ml more would exceed it; expected at most "
                + Math.max(0, budget - poured) + " ml now";
    }

    /** After a refusal: how long until a watering of the refused amount (or the most allowed) may run. */
    public long nextAllowedInMillis() {
        return nextAllowedIn;
    }

    /** Records a watering that ran. */
    public void poured(long now, int ml) {
        if (count == HISTORY) {
            int second = (oldest + 1) % HISTORY;
            amounts[second] += amounts[oldest];
            oldest = second;
            count--;
        }
        int slot = (oldest + count) % HISTORY;
        times[slot] = now;
        amounts[slot] = ml;
        count++;
    }

    /** Millilitres poured after {@code since}. */
    public int pouredSince(long since) {
        int sum = 0;
        for (int i = 0; i < count; i++) {
            int slot = (oldest + i) % HISTORY;
            if (times[slot] > since) {
                sum += amounts[slot];
            }
        }
        return sum;
    }

    /** How long until the cooldown and both budgets allow {@code ml} (0 when they do now). */
    long waitFor(long now, int ml) {
        long at = now;
        if (count > 0) {
            at = Math.max(at, newestTime() + limits.waterCooldownMillis);
        }
        at = Math.max(at, budgetAllows(now, ml, HOUR, limits.waterBudgetHourMl));
        at = Math.max(at, budgetAllows(now, ml, DAY, limits.waterBudgetDayMl));
        return at - now;
    }

    /** When enough of the window's waterings have left it for {@code ml} more to fit its budget. */
    private long budgetAllows(long now, int ml, long window, int budget) {
        int inWindow = pouredSince(now - window);
        long at = now;
        for (int i = 0; i < count && inWindow + ml > budget; i++) {
            int slot = (oldest + i) % HISTORY;
            if (times[slot] > now - window) {
                inWindow -= amounts[slot];
                at = times[slot] + window;
            }
        }
        return at;
    }

    private long newestTime() {
        return times[(oldest + count - 1) % HISTORY];
    }

    private void forgetBefore(long time) {
        while (count > 0 && times[oldest] <= time) {
            oldest = (oldest + 1) % HISTORY;
            count--;
        }
    }
}
