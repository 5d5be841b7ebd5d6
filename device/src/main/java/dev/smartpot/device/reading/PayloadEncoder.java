package dev.smartpot.device.reading;

import dev.smartpot.device.mqtt.Inbox;
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
    /** Where dropped commands are counted; null when nobody counts them. */
    private final Inbox commandDrops;
    private final int boot;
    /** The battery voltage of each reading; null on a pot that reads none. */
    private BatteryGauge battery;

    public PayloadEncoder(int format, String clientId, MoistureScale scale) {
        this(format, clientId, scale, null, 1);
    }

    /**
     * @param commandDrops where dropped commands are counted, null for none
     * @param boot the boot counter every reading of this boot carries
     */
    public PayloadEncoder(int format, String clientId, MoistureScale scale, Inbox commandDrops, int boot) {
        this.format = format;
        this.clientId = clientId;
        this.scale = scale;
        this.commandDrops = commandDrops;
        this.boot = boot;
    }

    /** Adds the battery voltage measured with a reading to it. */
    public void battery(BatteryGauge gauge) {
        battery = gauge;
    }

    /**
     * @param wallClockMillis 0 when unknown
     * @param dropped readings dropped and not yet reported, 0 for none
     */
    public void encode(PayloadBuffer out, long seq, long uptimeMillis, long wallClockMillis, int rawCode, long dropped) {
        out.clear();
        if (format == TEXT) {
            ReadingEncoder.text(out, seq);
            return;
        }
        int fault = scale.fault(rawCode);
        int batteryMillivolts = battery == null ? ReadingEncoder.NO_BATTERY : battery.millivoltsFor(seq);
        ReadingEncoder.json(out, clientId, seq, boot, rawCode == RawCodes.READ_ERROR ? ReadingEncoder.NO_RAW : rawCode,
                fault == MoistureScale.OK ? null : MoistureScale.faultName(fault),
                fault == MoistureScale.OK ? scale.tenthsOfPercent(rawCode) : 0, uptimeMillis, wallClockMillis,
                batteryMillivolts < 0 ? ReadingEncoder.NO_BATTERY : batteryMillivolts, dropped,
                commandDrops == null ? 0 : commandDrops.dropped());
    }
}
