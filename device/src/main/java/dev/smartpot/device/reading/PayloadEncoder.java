package dev.smartpot.device.reading;

import dev.smartpot.device.mqtt.Inbox;
import dev.smartpot.device.text.PayloadBuffer;

/**
 * Writes a reading as the payload the mothership receives.
 *
 * <p>JSON: {@code {"id":"a4cf12b0c0de","seq":7,"boot":1,"raw":2210,"moisture":48.6,"uptime_ms":35000}}, plus
 * {@code "ts"} once the board knows the time, {@code "fault"} (and no moisture) when the sensor is not
 * trustworthy, {@code "dropped"} when readings were lost (a full queue, a power cut) since the last one sent, and
 * {@code "cmd_dropped"} (since boot) once a flood made the pot drop messages unread, and {@code "battery_mv"} (the
 * battery voltage measured with that reading) on a pot with {@code battery.adc.pin}.
 * {@code "boot"} counts the board's resets (a deep sleep's wake is not one), so the mothership tells a restart from a
 * gap; {@code "uptime_ms"} counts from that boot's start, negative for a reading kept from before it.
 * Text: the tutorial's {@code Test to mothership #7}.
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
            out.append("Test to mothership #").append(seq);
            return;
        }
        out.append("{\"id\":\"").append(clientId).append("\",\"seq\":").append(seq).append(",\"boot\":").append(boot);
        int fault = scale.fault(rawCode);
        if (rawCode != RawCodes.READ_ERROR) {
            out.append(",\"raw\":").append(rawCode);
        }
        if (fault == MoistureScale.OK) {
            out.append(",\"moisture\":").appendTenths(scale.tenthsOfPercent(rawCode));
        } else {
            out.append(",\"fault\":\"").append(MoistureScale.faultName(fault)).append('"');
        }
        out.append(",\"uptime_ms\":").append(uptimeMillis);
        if (wallClockMillis != 0) {
            out.append(",\"ts\":").append(wallClockMillis);
        }
        int batteryMillivolts = battery == null ? -1 : battery.millivoltsFor(seq);
        if (batteryMillivolts >= 0) {
            out.append(",\"battery_mv\":").append(batteryMillivolts);
        }
        if (dropped > 0) {
            out.append(",\"dropped\":").append(dropped);
        }
        long commandsDropped = commandDrops == null ? 0 : commandDrops.dropped();
        if (commandsDropped > 0) {
            out.append(",\"cmd_dropped\":").append(commandsDropped);
        }
        out.append('}');
    }
}
