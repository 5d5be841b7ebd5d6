package dev.smartpot.simulator.fleet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.smartpot.testkit.MothershipStandIn;

/**
 * When each reading of each pot reached an independent subscriber ({@link MothershipStandIn}), read as a person watching
 * the readings would: per pot, seq by seq, on the subscriber's clock. For {@code FleetRampBench} and
 * {@code FleetRampIT}.
 */
public final class RampArrivals {

    private static final Pattern ID_AND_SEQ = Pattern.compile("\"id\":\"([0-9a-f]{12})\",\"seq\":(\\d+)");

    /** Per pot (the topic's last level), seq to first arrival ({@link System#nanoTime()}). */
    private final Map<String, TreeMap<Long, Long>> byPot = new HashMap<>();

    public RampArrivals(List<MothershipStandIn.Received> received) {
        for (MothershipStandIn.Received r : received) {
            Matcher m = ID_AND_SEQ.matcher(r.payload());
            if (r.retained() || !m.find()) {
                continue;
            }
            byPot.computeIfAbsent(m.group(1), p -> new TreeMap<>()).putIfAbsent(Long.parseLong(m.group(2)), r.arrivedNanos());
        }
    }

    /** Seq to arrival ({@link System#nanoTime()}) of one pot, by client id; empty if nothing arrived. */
    public TreeMap<Long, Long> of(String pot) {
        return byPot.getOrDefault(pot, new TreeMap<>());
    }

    /** How many of {@code pot}'s readings arrived between the two instants (nanoTime, both included). */
    public int arrivedBetween(String pot, long fromNanos, long toNanos) {
        int n = 0;
        for (long at : of(pot).values()) {
            if (at >= fromNanos && at <= toNanos) {
                n++;
            }
        }
        return n;
    }

    /**
     * How late each reading of an online pot came: the time since the same pot's previous reading arrived, less
     * the interval (0 when on time or early). Counts the readings that were due (previous arrival + interval)
     * by {@code dueByNanos}.
     */
    long[] latenessMillis(long intervalMillis, long dueByNanos) {
        long[] out = new long[64];
        int n = 0;
        for (TreeMap<Long, Long> seqs : byPot.values()) {
            Map.Entry<Long, Long> previous = null;
            for (Map.Entry<Long, Long> e : seqs.entrySet()) {
                if (previous != null && previous.getKey() == e.getKey() - 1) {
                    long due = previous.getValue() + intervalMillis * 1_000_000;
                    if (due <= dueByNanos) {
                        if (n == out.length) {
                            out = java.util.Arrays.copyOf(out, n * 2);
                        }
                        out[n++] = Math.max(0, (e.getValue() - due) / 1_000_000);
                    }
                }
                previous = e;
            }
        }
        long[] exact = java.util.Arrays.copyOf(out, n);
        java.util.Arrays.sort(exact);
        return exact;
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
