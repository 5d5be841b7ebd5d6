package dev.smartpot.bench;

import java.nio.charset.StandardCharsets;

import dev.smartpot.protocol.Decoded;
import dev.smartpot.protocol.PayloadDecoder;
import dev.smartpot.protocol.WireTopics;

/** Picks the fields a benchmark needs out of a reading's JSON, read by the protocol's decoder as the mothership does. */
final class Readings {

    private static final PayloadDecoder DECODER = new PayloadDecoder();

    private Readings() {
    }

    static String id(String json) {
        Decoded.Reading r = reading(json);
        return r == null ? null : r.potId;
    }

    static long seq(String json) {
        Decoded.Reading r = reading(json);
        return r == null ? -1 : r.seq;
    }

    /** Wall-clock ms when the reading was taken, or -1. */
    static long ts(String json) {
        Decoded.Reading r = reading(json);
        return r == null || r.ts == null ? -1 : r.ts;
    }

    private static Decoded.Reading reading(String json) {
        Decoded d = DECODER.decode(WireTopics.UP, json.getBytes(StandardCharsets.UTF_8));
        return d instanceof Decoded.Reading r ? r : null;
    }
}
