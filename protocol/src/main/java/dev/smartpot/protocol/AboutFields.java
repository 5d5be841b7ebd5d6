package dev.smartpot.protocol;

/**
 * What a pot is and what it allows, retained on its about topic ({@link WireTopics#ABOUT_LEVEL}) and sent at a session
 * set-up when it changed: {@code {"protocol":1,"firmware":"0.1.0","board":"esp-wrover-kit","pump":true,"water_max_ml":300,
 * "water_budget_hour_ml":300,"water_budget_day_ml":1000,"water_cooldown_s":600,"water_wet_above":80,
 * "interval_ms":5000,"power":"always-on","battery":false,"sensors":["soil"]}}. The mothership checks what it plans
 * against it before it sends anything.
 */
public final class AboutFields {

    /** The version of this contract the pot speaks. */
    public static final int PROTOCOL_VERSION = 1;

    public static final String PROTOCOL = "protocol";
    public static final String FIRMWARE = "firmware";
    /** The board it runs on ({@code board.name}, e.g. esp-wrover-kit); left out where the runtime names none. */
    public static final String BOARD = "board";
    /** true when the pot has a pump, so {@code water} can pour. */
    public static final String PUMP = "pump";
    /** The most one {@code water} command may pour here: the protocol's limit or the hourly budget, the lower. */
    public static final String WATER_MAX_ML = "water_max_ml";
    public static final String WATER_BUDGET_HOUR_ML = "water_budget_hour_ml";
    public static final String WATER_BUDGET_DAY_ML = "water_budget_day_ml";
    /** The least time between two waterings, whole seconds. */
    public static final String WATER_COOLDOWN_S = "water_cooldown_s";
    /** No watering at or above this moisture, percent. */
    public static final String WATER_WET_ABOVE = "water_wet_above";
    /** The time between readings, ms. */
    public static final String INTERVAL_MS = "interval_ms";
    /** {@link #ALWAYS_ON} or {@link #DEEP_SLEEP}. */
    public static final String POWER = "power";
    public static final String ALWAYS_ON = "always-on";
    public static final String DEEP_SLEEP = "deep-sleep";
    /** true when the readings carry a battery voltage. */
    public static final String BATTERY = "battery";
    /** What the pot measures: {@link #SOIL}, and {@link #BATTERY} with a battery divider. */
    public static final String SENSORS = "sensors";
    public static final String SOIL = "soil";

    private AboutFields() {
    }
}
