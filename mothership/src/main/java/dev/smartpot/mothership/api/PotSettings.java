package dev.smartpot.mothership.api;

/**
 * What a person sets per pot. Percentages are moisture 0-100.
 *
 * @param dryBelow      DRY when moisture falls below this
 * @param wetAbove      WET when moisture rises above this
 * @param hysteresis    a state is left only once moisture is this far back inside (no flapping)
 * @param autoWater     water automatically when DRY
 * @param waterMl       how much one watering gives
 * @param dailyMaxMl    at most this much a day, manual and automatic together
 * @param cooldownMinutes at least this long between two waterings
 */
public record PotSettings(String name, String room, String preset, double dryBelow, double wetAbove,
                          double hysteresis, boolean autoWater, int waterMl, int dailyMaxMl, int cooldownMinutes) {
}
