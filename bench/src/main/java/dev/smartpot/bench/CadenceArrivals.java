package dev.smartpot.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.smartpot.protocol.Decoded;
import dev.smartpot.protocol.PayloadDecoder;

/**
 * What the stand-in mothership received during the cadence benchmark, read only from the wire: per pot and boot,
 * each seq's {@code uptime_ms} (when the pot took it, by its own clock) and when it first arrived. Resends of a
 * seq are counted, and a resend whose bytes differ from the first copy is a conflict.
 */
final class CadenceArrivals {

    /** One reading as it first arrived. */
    record Arrival(long seq, long uptimeMs, long arrivedWallMs) {
    }

    private static final PayloadDecoder DECODER = new PayloadDecoder();

    private final Map<String, Map<Long, Arrival>> byPotBoot = new HashMap<>();
    private final Map<String, byte[]> firstPayload = new HashMap<>();
    private long messages;
    private long resends;
    private long conflicts;
    private long withoutUptime;

    /** Called on the subscriber's thread for every message on the readings topic. */
    synchronized void add(String topic, byte[] payload) {
        long now = System.currentTimeMillis();
        Decoded d = DECODER.decode(topic, payload);
        if (!(d instanceof Decoded.Reading r)) {
            return;
        }
        messages++;
        if (r.uptimeMs == null) {
            withoutUptime++;
            return;
        }
        String potBoot = r.potId + "/" + (r.boot == null ? 0 : r.boot);
        String key = potBoot + "/" + r.seq;
        byte[] first = firstPayload.putIfAbsent(key, payload);
        if (first != null) {
            resends++;
            if (!Arrays.equals(first, payload)) {
                conflicts++;
            }
            return;
        }
        byPotBoot.computeIfAbsent(potBoot, k -> new HashMap<>()).put(r.seq, new Arrival(r.seq, r.uptimeMs, now));
    }

    /** The subscriber's handler: the readings topic only. */
    void arrived(long arrivalNanos, String topic, byte[] payload) {
        add(topic, payload);
    }

    /** Each pot's boots' readings, in seq order. */
    synchronized List<List<Arrival>> perPotBoot() {
        List<List<Arrival>> all = new ArrayList<>();
        for (Map<Long, Arrival> seqs : byPotBoot.values()) {
            List<Arrival> list = new ArrayList<>(seqs.values());
            list.sort((a, b) -> Long.compare(a.seq(), b.seq()));
            all.add(list);
        }
        return all;
    }

    /** Distinct (pot, boot, seq) received. */
    synchronized long distinct() {
        return firstPayload.size();
    }

    synchronized int pots() {
        Map<String, Boolean> ids = new HashMap<>();
        for (String potBoot : byPotBoot.keySet()) {
            ids.put(potBoot.substring(0, potBoot.indexOf('/')), true);
        }
        return ids.size();
    }

    synchronized long messages() {
        return messages;
    }

    synchronized long resends() {
        return resends;
    }

    /** The same (pot, boot, seq) with different bytes. */
    synchronized long conflicts() {
        return conflicts;
    }

    synchronized long withoutUptime() {
        return withoutUptime;
    }
}
