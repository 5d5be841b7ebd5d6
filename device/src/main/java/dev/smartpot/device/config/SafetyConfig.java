package dev.smartpot.device.config;

/**
 * What the pot refuses whatever the mothership says ({@code pump.*}, {@code water.*}, {@code commands.*} keys):
 * how long the pump may run, how much water per hour and per day, the pause between waterings, the moisture
 * above which it never waters, and how often the disruptive commands may come.
 */
public final class SafetyConfig {

    public final long pumpMaxRunMillis;
    public final int waterBudgetHourMl;
    public final int waterBudgetDayMl;
    public final long waterCooldownMillis;
    /** Percent: at or above this moisture the soil counts as wet. */
    public final int waterWetAbovePercent;
    public final long rebootEveryMillis;
    public final int limitBurst;
    public final long limitEveryMillis;

    private SafetyConfig(ConfigReader r) {
        pumpMaxRunMillis = r.duration(ConfigKeys.PUMP_MAX_RUN);
        waterBudgetHourMl = (int) r.number(ConfigKeys.WATER_BUDGET_HOUR);
        waterBudgetDayMl = (int) r.number(ConfigKeys.WATER_BUDGET_DAY);
        waterCooldownMillis = r.duration(ConfigKeys.WATER_COOLDOWN);
        waterWetAbovePercent = (int) r.number(ConfigKeys.WATER_WET_ABOVE);
        rebootEveryMillis = r.duration(ConfigKeys.COMMANDS_REBOOT_EVERY);
        limitBurst = (int) r.number(ConfigKeys.COMMANDS_LIMIT_BURST);
        limitEveryMillis = r.duration(ConfigKeys.COMMANDS_LIMIT_EVERY);
        if (waterBudgetHourMl > waterBudgetDayMl) {
            r.problem(ConfigKeys.WATER_BUDGET_HOUR, "is more than water.budget.day (" + waterBudgetDayMl + " ml)",
                    "make water.budget.hour at most water.budget.day");
        }
    }

    public static SafetyConfig read(ConfigReader reader) {
        return new SafetyConfig(reader);
    }
}
