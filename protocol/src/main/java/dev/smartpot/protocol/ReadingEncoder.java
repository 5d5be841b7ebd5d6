package dev.smartpot.protocol;

/**
 * Writes a reading's payload ({@link ReadingFields}) into the pot's reusable buffer, allocating nothing. The core
 * computes the values (moisture from the counts, the fault's name); this decides how they travel.
 */
public final class ReadingEncoder {

    /** For {@code raw}: the sensor could not be read, no counts. */
    public static final int NO_RAW = -1;
    /** For {@code batteryMv}: no battery voltage with this reading. */
    public static final int NO_BATTERY = -1;

    private ReadingEncoder() {
    }

    /** The tutorial's {@code Test to mothership #7}. */
    public static void text(WireOut out, long seq) {
        out.append(ReadingFields.TEXT_PREFIX).append(seq);
    }

    /**
     * The JSON reading.
     *
     * @param raw the counts, or {@link #NO_RAW}
     * @param fault the fault's name, or null when {@code moistureTenths} holds the moisture
     * @param wallClockMillis 0 when the pot does not know the time
     * @param batteryMv {@link #NO_BATTERY} for none
     * @param dropped readings lost since the last one sent, 0 for none
     * @param commandsDropped commands dropped since boot, 0 for none
     */
    public static void json(WireOut out, String id, long seq, int boot, int raw, String fault, int moistureTenths,
            long uptimeMillis, long wallClockMillis, int batteryMv, long dropped, long commandsDropped) {
        out.append('{');
        name(out, ReadingFields.ID).append('"').append(id).append('"');
        out.append(',');
        name(out, ReadingFields.SEQ).append(seq).append(',');
        name(out, ReadingFields.BOOT).append(boot).append(',');
        measurement(out, raw, fault, moistureTenths);
        out.append(',');
        name(out, ReadingFields.UPTIME_MS).append(uptimeMillis);
        if (wallClockMillis != 0) {
            out.append(',');
            name(out, ReadingFields.TS).append(wallClockMillis);
        }
        if (batteryMv >= 0) {
            out.append(',');
            name(out, ReadingFields.BATTERY_MV).append(batteryMv);
        }
        if (dropped > 0) {
            out.append(',');
            name(out, ReadingFields.DROPPED).append(dropped);
        }
        if (commandsDropped > 0) {
            out.append(',');
            name(out, ReadingFields.CMD_DROPPED).append(commandsDropped);
        }
        out.append('}');
    }

    /**
     * The measured part, also inside replies: {@code "raw":2210,"moisture":48.6} or {@code "raw":4095,"fault":"..."},
     * no raw when there are no counts.
     */
    public static void measurement(WireOut out, int raw, String fault, int moistureTenths) {
        if (raw != NO_RAW) {
            name(out, ReadingFields.RAW).append(raw).append(',');
        }
        if (fault == null) {
            name(out, ReadingFields.MOISTURE).appendTenths(moistureTenths);
        } else {
            name(out, ReadingFields.FAULT).append('"').append(fault).append('"');
        }
    }

    /** {@code "name":} */
    public static WireOut name(WireOut out, String field) {
        return out.append('"').append(field).append("\":");
    }
}
