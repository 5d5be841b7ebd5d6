package dev.smartpot.protocol;

/** Writes a pot's about message ({@link AboutFields}); the firmware version is plain ASCII. */
public final class AboutEncoder {

    private AboutEncoder() {
    }

    /**
     * @param board the board's name (plain ASCII), or null when the runtime has none
     * @param cooldownSeconds the least time between waterings
     */
    public static void json(WireOut out, String firmware, String board, boolean pump, int budgetHourMl, int budgetDayMl,
            long cooldownSeconds, int wetAbovePercent, long intervalMillis, boolean deepSleep, boolean battery) {
        out.append('{');
        ReadingEncoder.name(out, AboutFields.PROTOCOL).append(AboutFields.PROTOCOL_VERSION).append(',');
        ReadingEncoder.name(out, AboutFields.FIRMWARE).append('"').append(firmware).append("\",");
        if (board != null) {
            ReadingEncoder.name(out, AboutFields.BOARD).append('"').append(board).append("\",");
        }
        ReadingEncoder.name(out, AboutFields.PUMP).append(pump ? "true" : "false").append(',');
        ReadingEncoder.name(out, AboutFields.WATER_MAX_ML).append(Math.min(CommandParser.MAX_WATER_ML, budgetHourMl))
                .append(',');
        ReadingEncoder.name(out, AboutFields.WATER_BUDGET_HOUR_ML).append(budgetHourMl).append(',');
        ReadingEncoder.name(out, AboutFields.WATER_BUDGET_DAY_ML).append(budgetDayMl).append(',');
        ReadingEncoder.name(out, AboutFields.WATER_COOLDOWN_S).append(cooldownSeconds).append(',');
        ReadingEncoder.name(out, AboutFields.WATER_WET_ABOVE).append(wetAbovePercent).append(',');
        ReadingEncoder.name(out, AboutFields.INTERVAL_MS).append(intervalMillis).append(',');
        ReadingEncoder.name(out, AboutFields.POWER).append('"').append(deepSleep ? AboutFields.DEEP_SLEEP : AboutFields.ALWAYS_ON)
                .append("\",");
        ReadingEncoder.name(out, AboutFields.BATTERY).append(battery ? "true" : "false").append(',');
        ReadingEncoder.name(out, AboutFields.SENSORS).append("[\"").append(AboutFields.SOIL).append('"');
        if (battery) {
            out.append(",\"").append(AboutFields.BATTERY).append('"');
        }
        out.append("]}");
    }
}
