package dev.smartpot.device.command;

import dev.smartpot.protocol.ReadingFields;
import dev.smartpot.protocol.ResultFields;
import java.io.IOException;

import dev.smartpot.device.board.Log;
import dev.smartpot.device.board.Pump;
import dev.smartpot.device.board.Rebooter;
import dev.smartpot.device.config.SafetyConfig;
import dev.smartpot.device.config.SensorConfig;
import dev.smartpot.device.reading.MoistureScale;
import dev.smartpot.device.reading.RawCodes;
import dev.smartpot.device.reading.SoilSensor;
import dev.smartpot.device.text.Durations;
import dev.smartpot.device.text.JsonText;
import dev.smartpot.device.text.PayloadBuffer;
import dev.smartpot.protocol.ReadingEncoder;
import dev.smartpot.protocol.ReplyFields;
import dev.smartpot.protocol.CommandParser;

/**
 * Carries out the mothership's commands and writes each one's JSON reply:
 * {@code {"ok":true,"command":"interval 30s","result":{"interval":"30s"}}} or
 * {@code {"ok":false,"command":"interval 0","error":"interval 0 is out of range; expected ..."}}.
 * A setting that could not be saved adds {@code "warning"}.
 */
public final class Commands {

    /** A command from the mothership, over MQTT. */
    public static final int FROM_MOTHERSHIP = 0;
    /**
     * A command typed at the pot itself. The same checks and replies, but {@code reboot} is not rate limited: the
     * limit guards against whoever may publish to the broker, and a person at the console can pull the plug anyway.
     */
    public static final int FROM_CONSOLE = 1;

    private static final String HELP = "received: confirm a message | read: publish a reading now | "
            + "interval <duration>: time between readings, 100ms to 1h, e.g. interval 30s | "
            + "calibrate dry|wet [counts]: the sensor's counts in dry air / in water, read now or given | "
            + "water [ml]: run the pump, if the pot has one and its limits allow | status: how the pot is doing | "
            + "reboot: at most once per commands.reboot.every | help";

    private final CommandParser parser;
    private final PotControl pot;
    private final SoilSensor sensor;
    private final MoistureScale scale;
    private final SavedSettings settings;
    private final Pump pump;
    private final Log log;
    private final CommandLimiter limiter;
    private final WateringGuard watering;
    private final long pumpMaxRunMillis;
    /** Set by a "reboot" command: the board reboots once the reply is out. */
    private String rebootReason;

    /**
     * @param pump null on a board without one
     * @param bootTime the uptime at boot, where the reboot limit starts counting
     */
    public Commands(PotControl pot, SoilSensor sensor, MoistureScale scale, SavedSettings settings, Pump pump, Log log,
            SafetyConfig limits, long bootTime) {
        this.parser = new CommandParser(scale.fullScale());
        this.pot = pot;
        this.sensor = sensor;
        this.scale = scale;
        this.settings = settings;
        this.pump = pump;
        this.log = log;
        this.limiter = new CommandLimiter(limits, bootTime);
        this.watering = new WateringGuard(limits);
        this.pumpMaxRunMillis = limits.pumpMaxRunMillis;
    }

    /**
     * Reboots through {@code rebooter} if the last command asked for it (called once its reply is out); true if it
     * did. Asking clears the request.
     */
    public boolean rebootIfRequested(Rebooter rebooter) {
        String reason = rebootReason;
        if (reason == null) {
            return false;
        }
        rebootReason = null;
        rebooter.reboot(reason);
        return true;
    }

    /**
     * Handles one payload and writes the reply into {@code reply}.
     *
     * @param payload null when it was too big to keep; {@code length} still says how big
     * @return false when there is nothing to answer (an empty payload)
     */
    public boolean handle(long now, byte[] payload, int length, PayloadBuffer reply) {
        return handle(now, FROM_MOTHERSHIP, payload, length, reply);
    }

    /**
     * As {@link #handle(long, byte[], int, PayloadBuffer)}, for a command from {@code source}: {@link #FROM_MOTHERSHIP}
     * or {@link #FROM_CONSOLE}.
     */
    public boolean handle(long now, int source, byte[] payload, int length, PayloadBuffer reply) {
        if (!parser.parse(payload, length)) {
            if (parser.error() == null) {
                log.info("empty command ignored");
                return false;
            }
            log.info("command rejected: " + parser.error());
            Replies.error(reply, payload, length, parser.error());
            return true;
        }
        switch (parser.command()) {
            case CommandParser.RECEIVED:
                log.info("received notification from mothership");
                Replies.ok(reply, payload, length).append("\"acknowledged\"}");
                break;
            case CommandParser.READ:
                read(reply, payload, length);
                break;
            case CommandParser.INTERVAL:
                if (limited(CommandLimiter.INTERVAL, now, reply, payload, length)) {
                    break;
                }
                interval(reply, payload, length, parser.value(), source == FROM_CONSOLE);
                break;
            case CommandParser.CALIBRATE:
                if (limited(CommandLimiter.CALIBRATE, now, reply, payload, length)) {
                    break;
                }
                calibrate(reply, payload, length, parser.target(), (int) parser.value(), source == FROM_CONSOLE);
                break;
            case CommandParser.WATER:
                water(now, reply, payload, length, (int) parser.value());
                break;
            case CommandParser.STATUS:
                status(now, Replies.ok(reply, payload, length));
                reply.append('}');
                break;
            case CommandParser.REBOOT:
                if (source != FROM_CONSOLE && limited(CommandLimiter.REBOOT, now, reply, payload, length)) {
                    break;
                }
                rebootReason = source == FROM_CONSOLE ? "requested at the console" : "requested by the mothership";
                log.warn(source == FROM_CONSOLE ? "reboot requested at the console" : "reboot requested by the mothership");
                Replies.ok(reply, payload, length).append("\"rebooting\"}");
                break;
            default:
                JsonText.appendString(Replies.ok(reply, payload, length), HELP).append('}');
                break;
        }
        return true;
    }

    /** True (and the refusal written) when {@code kind} came too often. */
    private boolean limited(int kind, long now, PayloadBuffer reply, byte[] payload, int length) {
        if (limiter.tryTake(kind, now)) {
            return false;
        }
        refused(reply, payload, length, limiter.refusal(kind), limiter.nextAllowedInMillis());
        return true;
    }

    private void read(PayloadBuffer reply, byte[] payload, int length) {
        int code = pot.readNow();
        long seq = pot.readingsTaken() - 1;
        log.info("command: reading #" + seq + " taken now");
        Replies.ok(reply, payload, length).append("{\"" + ReadingFields.SEQ + "\":").append(seq).append(',');
        appendReading(reply, code);
        reply.append("}}");
    }

    private void interval(PayloadBuffer reply, byte[] payload, int length, long millis, boolean byConsole) {
        pot.changeInterval(millis);
        String notSaved = settings.saveInterval(millis, byConsole);
        log.info("command: a reading every " + Durations.format(millis) + " from now on");
        Replies.ok(reply, payload, length).append("{\"" + ResultFields.INTERVAL + "\":");
        JsonText.appendString(reply, Durations.format(millis)).append('}');
        Replies.warning(reply, notSaved);
    }

    private void calibrate(PayloadBuffer reply, byte[] payload, int length, int which, int given, boolean byConsole) {
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
        String notSaved = settings.saveCalibration(dry, wet, byConsole);
        log.info("command: calibrated " + name + " = " + counts + " counts (dry " + dry + ", wet " + wet + ")");
        Replies.ok(reply, payload, length).append("{\"" + ResultFields.RAW_DRY + "\":").append(dry)
                .append(",\"" + ResultFields.RAW_WET + "\":").append(wet).append('}');
        Replies.warning(reply, notSaved);
    }

    private void water(long now, PayloadBuffer reply, byte[] payload, int length, int ml) {
        if (pump == null) {
            rejected(reply, payload, length, "this pot has no pump; expected a board with a pump, or water it by hand");
            return;
        }
        String refusal = watering.refusal(now, ml, sensor.sample(), scale);
        if (refusal != null) {
            refused(reply, payload, length, refusal, watering.nextAllowedInMillis());
            return;
        }
        if (!limiter.tryTake(CommandLimiter.WATER, now)) {
            refused(reply, payload, length, limiter.refusal(CommandLimiter.WATER), limiter.nextAllowedInMillis());
            return;
        }
        // Counted before the pump starts: a pump that fails half-way may still have poured.
        watering.poured(now, ml);
        try {
            pump.water(ml, pumpMaxRunMillis);
        } catch (IOException e) {
            rejected(reply, payload, length, "the pump failed: " + e.getMessage() + "; expected it to pour " + ml + " ml");
            return;
        }
        log.info("command: watered " + ml + " ml");
        ReadingEncoder.name(Replies.ok(reply, payload, length).append('{'), ReplyFields.WATERED_ML).append(ml).append(',');
        ReadingEncoder.name(reply, ReplyFields.MAX_RUN_S).append(CommandLimiter.seconds(pumpMaxRunMillis)).append("}}");
    }

    private void status(long now, PayloadBuffer out) {
        out.append("{\"" + ResultFields.STATE + "\":");
        JsonText.appendString(out, pot.stateName());
        out.append(",\"" + ResultFields.INTERVAL + "\":");
        JsonText.appendString(out, Durations.format(pot.intervalMillis()));
        out.append(",\"" + ResultFields.READINGS + "\":").append(pot.readingsTaken());
        out.append(",\"" + ResultFields.PUBLISHED + "\":").append(pot.publishedReadings());
        out.append(",\"" + ResultFields.QUEUED + "\":").append(pot.queuedReadings());
        out.append(",\"" + ReadingFields.DROPPED + "\":").append(pot.droppedReadings());
        out.append(",\"" + ResultFields.RECONNECTS + "\":").append(pot.reconnects());
        out.append(",\"" + ResultFields.LATE_MAX_MS + "\":").append(pot.largestSamplingDelayMillis());
        int last = pot.lastRawCode();
        if (last >= 0) {
            out.append(",\"" + ResultFields.LAST + "\":{");
            appendReading(out, last);
            out.append('}');
        }
        out.append(",\"" + ResultFields.RAW_DRY + "\":").append(scale.rawDry());
        out.append(",\"" + ResultFields.RAW_WET + "\":").append(scale.rawWet());
        out.append(",\"" + ResultFields.PLAUSIBLE + "\":[").append(scale.plausibleMin()).append(',')
                .append(scale.plausibleMax()).append(']');
        out.append(",\"" + ResultFields.SAMPLES + "\":").append(sensor.samplesPerReading());
        out.append(",\"" + ResultFields.SMOOTHING + "\":").append(sensor.smoothingWindow());
        out.append(",\"" + ResultFields.SAMPLES_REJECTED + "\":").append(sensor.rejectedSamples());
        out.append(",\"" + ResultFields.PUMP + "\":").append(pump != null ? "true" : "false");
        out.append(",\"" + ResultFields.WATERED_HOUR_ML + "\":").append(watering.pouredSince(now - 3600000L));
        out.append(",\"" + ResultFields.WATERED_DAY_ML + "\":").append(watering.pouredSince(now - 24 * 3600000L));
        out.append(",\"" + ReadingFields.CMD_DROPPED + "\":").append(pot.commandsDropped());
        pot.appendPower(out);
        out.append('}');
    }

    /** Appends the fields of a reading: raw (when there are counts), then moisture or the fault. */
    private void appendReading(PayloadBuffer out, int code) {
        int fault = scale.fault(code);
        ReadingEncoder.measurement(out, code == RawCodes.READ_ERROR ? ReadingEncoder.NO_RAW : code,
                fault == MoistureScale.OK ? null : MoistureScale.faultName(fault),
                fault == MoistureScale.OK ? scale.tenthsOfPercent(code) : 0);
    }

    private void rejected(PayloadBuffer out, byte[] payload, int length, String message) {
        log.info("command rejected: " + message);
        Replies.error(out, payload, length, message);
    }

    /** A well-formed command the pot will not run now: the reply says why and when it may. */
    private void refused(PayloadBuffer out, byte[] payload, int length, String message, long nextAllowedMillis) {
        log.info("command refused: " + message);
        Replies.refused(out, payload, length, message, CommandLimiter.seconds(nextAllowedMillis));
    }
}
