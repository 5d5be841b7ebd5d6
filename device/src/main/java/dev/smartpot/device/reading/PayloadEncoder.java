package dev.smartpot.device.reading;

import dev.smartpot.device.text.PayloadBuffer;
import dev.smartpot.protocol.ReadingEncoder;

/**
 * Gathers a reading's values (moisture or fault from the counts, the battery, the drops) and has the protocol's
 * {@link ReadingEncoder} write them as the payload the mothership receives (fields: protocol's ReadingFields):
 * JSON, or the tutorial's text {@code Test to mothership #7}. {@code "boot"} counts the board's resets (a deep
 * sleep's wake is not one); {@code "uptime_ms"} counts from that boot's start, negative for a reading kept from
 * before it.
 */
public final class PayloadEncoder {

    public static final int JSON = 0;
    public static final int TEXT = 1;

    private final int format;
    private final String clientId;
    private final MoistureScale scale;
    private final int boot;

    public PayloadEncoder(int format, String clientId, MoistureScale scale) {
        this(format, clientId, scale, 1);
    }

    /** @param boot the boot counter every reading of this boot carries */
    public PayloadEncoder(int format, String clientId, MoistureScale scale, int boot) {
        this.format = format;
        this.clientId = clientId;
        this.scale = scale;
        this.boot = boot;
    }

    /** The boot counter every reading of this boot carries. */
    public int boot() {
        return boot;
    }

    /** True for JSON readings, false for the tutorial's text. */
    public boolean isJson() {
        return format == JSON;
    }

    /** A reading without battery voltage or dropped commands (see the full form). */
    public void encode(PayloadBuffer out, long seq, long uptimeMillis, long wallClockMillis, int rawCode, long dropped) {
        encode(out, seq, uptimeMillis, wallClockMillis, rawCode, dropped, -1, 0);
    }

    /**
     * Writes a reading's payload from the values it was taken with: the same values always give the same bytes.
     *
     * @param wallClockMillis 0 when unknown
     * @param dropped readings dropped and not yet reported, 0 for none
     * @param batteryMillivolts -1 for none
     * @param commandsDropped commands dropped since boot when it was taken
     */
    public void encode(PayloadBuffer out, long seq, long uptimeMillis, long wallClockMillis, int rawCode, long dropped,
            int batteryMillivolts, long commandsDropped) {
        out.clear();
        if (format == TEXT) {
            ReadingEncoder.text(out, seq);
            return;
        }
        int fault = scale.fault(rawCode);
        ReadingEncoder.json(out, clientId, seq, boot, rawCode == RawCodes.READ_ERROR ? ReadingEncoder.NO_RAW : rawCode,
                fault == MoistureScale.OK ? null : MoistureScale.faultName(fault),
                fault == MoistureScale.OK ? scale.tenthsOfPercent(rawCode) : 0, uptimeMillis, wallClockMillis,
                batteryMillivolts < 0 ? ReadingEncoder.NO_BATTERY : batteryMillivolts, dropped,
                commandsDropped);
    }
}
