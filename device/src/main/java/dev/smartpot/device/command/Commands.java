package dev.smartpot.device.command;

import java.io.IOException;

import dev.smartpot.device.board.Log;
import dev.smartpot.device.board.Pump;
import dev.smartpot.device.config.SensorConfig;
import dev.smartpot.device.reading.MoistureScale;
import dev.smartpot.device.reading.RawCodes;
import dev.smartpot.device.reading.SoilSensor;
import dev.smartpot.device.text.Durations;
import dev.smartpot.device.text.JsonText;
import dev.smartpot.device.text.PayloadBuffer;

/**
 * Carries out the mothership's commands and writes each one's JSON reply:
 * {@code {"ok":true,"command":"interval 30s","result":{"interval":"30s"}}} or
 * {@code {"ok":false,"command":"interval 0","error":"interval 0 is out of range; expected ..."}}.
 * A setting that could not be saved adds {@code "warning"}.
 */
public final class Commands {

    /** How much of a command a reply echoes back. */
    private static final int ECHO_MAX = 64;
    private static final String HELP = "received: confirm a message | read: publish a reading now | "
            + "interval <duration>: time between readings, 100ms to 1h, e.g. interval 30s | "
            + "calibrate dry|wet [counts]: the sensor's counts in dry air / in water, read now or given | "
            + "water [ml]: run the pump, if the pot has one | status: how the pot is doing | reboot | help";

    private final CommandParser parser;
    private final PotControl pot;
    private final SoilSensor sensor;
    private final MoistureScale scale;
    private final SavedSettings settings;
    private final Pump pump;
    private final Log log;
    /** Set by a "reboot" command: the board reboots once the reply is out. */
    private String rebootReason;

    /** @param pump null on a board without one */
    public Commands(PotControl pot, SoilSensor sensor, MoistureScale scale, SavedSettings settings, Pump pump, Log log) {
        this.parser = new CommandParser(scale.fullScale());
        this.pot = pot;
        this.sensor = sensor;
        this.scale = scale;
        this.settings = settings;
        this.pump = pump;
        this.log = log;
    }

    /** Why the last command asked for a reboot once its reply is out, or null; asking clears it. */
    public String takeRebootReason() {
        String reason = rebootReason;
        rebootReason = null;
        return reason;
    }

    /**
     * Handles one payload and writes the reply into {@code reply}.
     *
     * @param payload null when it was too big to keep; {@code length} still says how big
     * @return false when there is nothing to answer (an empty payload)
     */
    public boolean handle(byte[] payload, int length, PayloadBuffer reply) {
        if (!parser.parse(payload, length)) {
            if (parser.error() == null) {
                log.info("empty command ignored");
                return false;
            }
            log.info("command rejected: " + parser.error());
            error(reply, payload, length, parser.error());
            return true;
        }
        switch (parser.command()) {
            case CommandParser.RECEIVED:
                log.info("received notification from mothership");
                ok(reply, payload, length).append("\"acknowledged\"}");
                break;
            case CommandParser.READ:
                read(reply, payload, length);
                break;
            case CommandParser.INTERVAL:
                interval(reply, payload, length, parser.value());
                break;
            case CommandParser.CALIBRATE:
                calibrate(reply, payload, length, parser.target(), (int) parser.value());
                break;
            case CommandParser.WATER:
                water(reply, payload, length, (int) parser.value());
                break;
            case CommandParser.STATUS:
                status(ok(reply, payload, length));
                reply.append('}');
                break;
            case CommandParser.REBOOT:
                log.warn("reboot requested by the mothership");
                rebootReason = "requested by the mothership";
                ok(reply, payload, length).append("\"rebooting\"}");
                break;
            default:
                JsonText.appendString(ok(reply, payload, length), HELP).append('}');
                break;
        }
        return true;
    }

    private void read(PayloadBuffer reply, byte[] payload, int length) {
        int code = pot.readNow();
        long seq = pot.readingsTaken() - 1;
        log.info("command: reading #" + seq + " taken now");
        ok(reply, payload, length).append("{\"seq\":").append(seq).append(',');
        appendReading(reply, code);
        reply.append("}}");
    }

    private void interval(PayloadBuffer reply, byte[] payload, int length, long millis) {
        pot.changeInterval(millis);
        String notSaved = settings.saveInterval(millis);
        log.info("command: a reading every " + Durations.format(millis) + " from now on");
        ok(reply, payload, length).append("{\"interval\":");
        JsonText.appendString(reply, Durations.format(millis)).append('}');
        warning(reply, notSaved);
    }

    private void calibrate(PayloadBuffer reply, byte[] payload, int length, int which, int given) {
        String name = which == CommandParser.DRY ? "dry" : "wet";
        int counts = given;
        if (given < 0) {
            counts = sensor.sample();
            int fault = scale.fault(counts);
            if (fault != MoistureScale.OK && fault != MoistureScale.FAULT_OUT_OF_RANGE) {
                String reads = counts == RawCodes.READ_ERROR ? "could not be read (" + sensor.lastFailure() + ")"
                        : "reads " + MoistureScale.faultName(fault) + " (raw " + counts + ")";
                rejected(reply, payload, length, "the sensor " + reads + ", so there is nothing to calibrate "
                        + name + " against; expected a working sensor " + (which == CommandParser.DRY ? "in dry air" : "in water"));
                return;
            }
        }
        int dry = which == CommandParser.DRY ? counts : scale.rawDry();
        int wet = which == CommandParser.WET ? counts : scale.rawWet();
        String point = SensorConfig.pointProblem(counts, scale);
        if (point != null) {
            rejected(reply, payload, length, "calibrate " + name + ": " + counts + " counts " + point
                    + "; expected counts from a working sensor");
            return;
        }
        int least = SensorConfig.minimumSpan(scale.fullScale());
        if (Math.abs(dry - wet) < least) {
            rejected(reply, payload, length, "calibrate " + name + ": " + counts + " counts is only " + Math.abs(dry - wet)
                    + " from the " + (which == CommandParser.DRY ? "wet" : "dry") + " point; expected at least " + least
                    + " apart: the sensor in dry air for calibrate dry, in water for calibrate wet");
            return;
        }
        scale.calibrate(dry, wet);
        String notSaved = settings.saveCalibration(dry, wet);
        log.info("command: calibrated " + name + " = " + counts + " counts (dry " + dry + ", wet " + wet + ")");
        ok(reply, payload, length).append("{\"raw_dry\":").append(dry).append(",\"raw_wet\":").append(wet).append('}');
        warning(reply, notSaved);
    }

    private void water(PayloadBuffer reply, byte[] payload, int length, int ml) {
        if (pump == null) {
            rejected(reply, payload, length, "this pot has no pump; expected a board with a pump, or water it by hand");
            return;
        }
        try {
            pump.water(ml);
        } catch (IOException e) {
            rejected(reply, payload, length, "the pump failed: " + e.getMessage() + "; expected it to pour " + ml + " ml");
            return;
        }
        log.info("command: watered " + ml + " ml");
        ok(reply, payload, length).append("{\"watered_ml\":").append(ml).append("}}");
    }

    private void status(PayloadBuffer out) {
        out.append("{\"state\":");
        JsonText.appendString(out, pot.stateName());
        out.append(",\"interval\":");
        JsonText.appendString(out, Durations.format(pot.intervalMillis()));
        out.append(",\"readings\":").append(pot.readingsTaken());
        out.append(",\"published\":").append(pot.publishedReadings());
        out.append(",\"queued\":").append(pot.queuedReadings());
        out.append(",\"dropped\":").append(pot.droppedReadings());
        out.append(",\"reconnects\":").append(pot.reconnects());
        int last = pot.lastRawCode();
        if (last >= 0) {
            out.append(",\"last\":{");
            appendReading(out, last);
            out.append('}');
        }
        out.append(",\"raw_dry\":").append(scale.rawDry());
        out.append(",\"raw_wet\":").append(scale.rawWet());
        out.append(",\"plausible\":[").append(scale.plausibleMin()).append(',').append(scale.plausibleMax()).append(']');
        out.append(",\"samples\":").append(sensor.samplesPerReading());
        out.append(",\"smoothing\":").append(sensor.smoothingWindow());
        out.append(",\"samples_rejected\":").append(sensor.rejectedSamples());
        out.append(",\"pump\":").append(pump != null ? "true" : "false");
        pot.appendPower(out);
        out.append('}');
    }

    /** Appends the fields of a reading: raw (when there are counts), then moisture or the fault. */
    private void appendReading(PayloadBuffer out, int code) {
        int fault = scale.fault(code);
        if (code != RawCodes.READ_ERROR) {
            out.append("\"raw\":").append(code).append(',');
        }
        if (fault == MoistureScale.OK) {
            out.append("\"moisture\":").appendTenths(scale.tenthsOfPercent(code));
        } else {
            out.append("\"fault\":\"").append(MoistureScale.faultName(fault)).append('"');
        }
    }

    private static PayloadBuffer ok(PayloadBuffer out, byte[] payload, int length) {
        start(out, true, payload, length);
        return out.append(",\"result\":");
    }

    private void rejected(PayloadBuffer out, byte[] payload, int length, String message) {
        log.info("command rejected: " + message);
        error(out, payload, length, message);
    }

    private static void error(PayloadBuffer out, byte[] payload, int length, String message) {
        start(out, false, payload, length);
        out.append(",\"error\":");
        JsonText.appendString(out, message).append('}');
    }

    private static void warning(PayloadBuffer out, String notSaved) {
        if (notSaved != null) {
            out.append(",\"warning\":");
            JsonText.appendString(out, "not saved (" + notSaved + "): this setting lasts until the next reboot");
        }
        out.append('}');
    }

    private static void start(PayloadBuffer out, boolean ok, byte[] payload, int length) {
        out.clear();
        out.append(ok ? "{\"ok\":true,\"command\":" : "{\"ok\":false,\"command\":");
        if (payload == null) {
            out.append("\"(").append(length).append(" bytes, not kept)\"");
            return;
        }
        int start = 0;
        int end = length;
        while (start < end && (payload[start] & 0xff) <= ' ') {
            start++;
        }
        while (end > start && (payload[end - 1] & 0xff) <= ' ') {
            end--;
        }
        JsonText.appendEcho(out, payload, start, end, ECHO_MAX);
    }
}
