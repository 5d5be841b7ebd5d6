package dev.smartpot.protocol;

/**
 * A reading, as a pot publishes it on {@link WireTopics#UP} or its own readings topic. JSON:
 * {@code {"id":"a4cf12b0c0de","seq":7,"boot":1,"raw":2210,"moisture":48.6,"uptime_ms":35000}}, plus the optional
 * fields below; or the tutorial's plain text {@code Test to mothership #7}.
 */
public final class ReadingFields {

    /** The pot id (text, {@link PotIds#RULE}); on a pot's own topic the topic's id wins. */
    public static final String ID = "id";
    /** Counts the readings of one boot from 0: whole number, at least 0. */
    public static final String SEQ = "seq";
    /** Counts the board's resets (a deep sleep's wake is not one), so a restart is told from a gap: whole, at least 1. */
    public static final String BOOT = "boot";
    /** The sensor's ADC counts (0 to the ADC's full scale); absent when the sensor could not be read. */
    public static final String RAW = "raw";
    /** Soil moisture in percent, one decimal, {@link #MOISTURE_MIN} to {@link #MOISTURE_MAX}; absent with a fault. */
    public static final String MOISTURE = "moisture";
    /** Why there is no moisture: {@link #FAULTS}. */
    public static final String FAULT = "fault";
    /** Milliseconds since the boot's start; negative for a reading kept from before it. */
    public static final String UPTIME_MS = "uptime_ms";
    /** Wall-clock time of the reading, ms since 1970 UTC; absent while the pot does not know the time. */
    public static final String TS = "ts";
    /** The battery voltage measured with the reading, in millivolts, 0 to {@link #MAX_BATTERY_MV}. */
    public static final String BATTERY_MV = "battery_mv";
    /** Readings lost (a full queue, a power cut) since the last one sent; absent when none. */
    public static final String DROPPED = "dropped";
    /** Commands the pot dropped unread since boot (a flood); absent when none. */
    public static final String CMD_DROPPED = "cmd_dropped";

    public static final int MOISTURE_MIN = 0;
    public static final int MOISTURE_MAX = 100;
    /** The highest battery voltage that makes sense: a pot's battery is a few volts, 60 V is far beyond any. */
    public static final int MAX_BATTERY_MV = 60000;
    /** The fault names a pot sends, see the core's MoistureScale. */
    public static final String[] FAULTS = {"read_error", "disconnected", "shorted", "out_of_range"};

    /** The tutorial's reading, as text: this, then the sequence number. */
    public static final String TEXT_PREFIX = "Test to mothership #";

    private ReadingFields() {
    }
}
