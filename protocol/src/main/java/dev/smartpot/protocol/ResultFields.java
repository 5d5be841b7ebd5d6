package dev.smartpot.protocol;

/**
 * The fields of a reply's {@link ReplyFields#RESULT} for the commands that answer with an object: {@code read}
 * ({@code {"seq":7,"raw":2210,"moisture":55.0}}), {@code interval}, {@code calibrate}, and {@code status} (the pot's
 * state, counters, calibration, watering and, for a battery pot, {@link #POWER}: its last wake's phases and the energy
 * they cost). Fields shared with a reading ({@code seq}, {@code boot}, {@code battery_mv}, {@code dropped},
 * {@code cmd_dropped}) are {@link ReadingFields}'.
 */
public final class ResultFields {

    /** The reading interval in words, e.g. {@code "5s"}. */
    public static final String INTERVAL = "interval";
    public static final String RAW_DRY = "raw_dry";
    public static final String RAW_WET = "raw_wet";

    /** {@code status}: online, offline, refused or stopped. */
    public static final String STATE = "state";
    public static final String READINGS = "readings";
    public static final String PUBLISHED = "published";
    public static final String QUEUED = "queued";
    public static final String RECONNECTS = "reconnects";
    public static final String LATE_MAX_MS = "late_max_ms";
    /** The last reading's measured part ({@link ReadingEncoder#measurement}). */
    public static final String LAST = "last";
    /** The lowest and highest counts the sensor can plausibly give, {@code [min,max]}. */
    public static final String PLAUSIBLE = "plausible";
    public static final String SAMPLES = "samples";
    public static final String SMOOTHING = "smoothing";
    public static final String SAMPLES_REJECTED = "samples_rejected";
    public static final String PUMP = AboutFields.PUMP;
    public static final String WATERED_HOUR_ML = "watered_hour_ml";
    public static final String WATERED_DAY_ML = "watered_day_ml";

    /** A battery pot's last wake and what it costs: the fields below. */
    public static final String POWER = "power";
    public static final String BOOT_MS_MODELLED = "boot_ms_modelled";
    public static final String READ_MS = WakePhases.READ_MS;
    public static final String WIFI_JOIN_MS = "wifi_join_ms";
    public static final String MQTT_CONNECT_MS = "mqtt_connect_ms";
    public static final String PUBLISH_MS = WakePhases.PUBLISH_MS;
    public static final String LISTEN_MS = WakePhases.LISTEN_MS;
    public static final String ROUND_TRIPS = WakePhases.ROUND_TRIPS;
    public static final String SESSION_KEPT = "session_kept";
    public static final String WIFI_SAVED_ACCESS_POINT = "wifi_saved_access_point";
    /** Charge of a publishing wake and of a reading-only wake, µA·ms. */
    public static final String PUBLISHING_WAKE_UAMS = "publishing_wake_uAms";
    public static final String READING_WAKE_UAMS = "reading_wake_uAms";
    public static final String MEAN_UA = "mean_uA";
    public static final String BATTERY_MAH = "battery_mah";
    public static final String LIFE_MONTHS = "life_months";

    private ResultFields() {
    }
}
