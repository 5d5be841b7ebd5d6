package dev.smartpot.mothership.ingest;

import dev.smartpot.protocol.Decoded;
import dev.smartpot.protocol.PayloadDecoder;
import dev.smartpot.protocol.ReadingFields;

/**
 * Turns a topic and payload into an {@link Inbound}: the protocol's {@link PayloadDecoder} reads the wire (it never
 * throws; junk is kept with its problem in words), this only hands the result over as the mothership's types.
 */
public final class PayloadParser {

    /** How much of a junk or text message is kept. */
    public static final int KEEP_CHARS = PayloadDecoder.KEEP_CHARS;
    /** The highest {@code battery_mv} kept. */
    public static final int MAX_BATTERY_MV = ReadingFields.MAX_BATTERY_MV;

    private final PayloadDecoder decoder = new PayloadDecoder();

    public Inbound parse(String topic, byte[] payload) {
        Decoded d = decoder.decode(topic, payload);
        if (d instanceof Decoded.Reading r) {
            return new Inbound.Reading(r.potId, r.boot, r.seq, r.raw, r.moisture, r.fault, r.uptimeMs, r.ts, r.dropped,
                    r.note, r.batteryMv);
        }
        if (d instanceof Decoded.Status s) {
            // Kept as sent: the tutorial's word, or the JSON that SleepStatus reads again after a restart.
            return new Inbound.Status(s.potId, s.state == null ? null : s.text.startsWith("{") ? s.text : s.state, s.wake);
        }
        if (d instanceof Decoded.Reply r) {
            return new Inbound.Reply(r.potId, r.json, r.ok, r.command, r.error, r.nextAllowedInS);
        }
        if (d instanceof Decoded.About a) {
            return new Inbound.About(a.potId, a.firmware, a.board, a.pump, a.waterMaxMl, a.waterBudgetDayMl, a.waterCooldownS,
                    a.intervalMs, a.power, a.battery);
        }
        if (d instanceof Decoded.Connect k) {
            return new Inbound.Connect(k.potId, k.phases);
        }
        Decoded.Message m = (Decoded.Message) d;
        return new Inbound.Message(m.topic, m.text, m.junk, m.problem);
    }
}
