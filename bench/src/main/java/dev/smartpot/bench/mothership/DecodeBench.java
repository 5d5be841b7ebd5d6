package dev.smartpot.bench.mothership;

import java.lang.management.ManagementFactory;

import dev.smartpot.protocol.Decoded;
import dev.smartpot.protocol.PayloadDecoder;
import dev.smartpot.protocol.WireTopics;

/**
 * The protocol's decoding of a pot's reading alone, as the mothership's reader thread does it for every message:
 * ns and bytes allocated per reading, on the bench's own payloads (the pot's encoder, 1,000 pots, ~110 bytes).
 * Prints one Markdown table row. {@code DecodeBench [readings per round, default 200000] [rounds, default 10]}.
 */
public final class DecodeBench {

    private static final int POTS = 1_000;

    private DecodeBench() {
    }

    public static void main(String[] args) {
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int distinct = 4_096;
        String[] topics = new String[distinct];
        byte[][] payloads = new byte[distinct][];
        long bytes = 0;
        for (int i = 0; i < distinct; i++) {
            int pot = i % POTS;
            String id = ReadingPublishers.potId(pot);
            topics[i] = WireTopics.readings(id);
            payloads[i] = ReadingPublishers.reading(pot, 1_000_000 + i, 1_796_000_000_000L + 5_000L * i);
            bytes += payloads[i].length;
        }
        PayloadDecoder decoder = new PayloadDecoder();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long sink = 0;
        // Warm-up: let the JIT compile the decoder before anything is timed.
        for (int i = 0; i < 2 * perRound; i++) {
            sink += check(decoder.decode(topics[i & (distinct - 1)], payloads[i & (distinct - 1)]));
        }
        double best = Double.MAX_VALUE;
        double sum = 0;
        long allocated = 0;
        for (int r = 0; r < rounds; r++) {
            long a0 = threads.getThreadAllocatedBytes(tid);
            long t0 = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                sink += check(decoder.decode(topics[i & (distinct - 1)], payloads[i & (distinct - 1)]));
            }
            double ns = (System.nanoTime() - t0) / (double) perRound;
            allocated += threads.getThreadAllocatedBytes(tid) - a0;
            best = Math.min(best, ns);
            sum += ns;
        }
        System.out.printf("| decode one reading (%d bytes avg, %d x %d) | %.0f ns best, %.0f ns mean | %d bytes allocated |"
                + " checksum %d |%n", bytes / distinct, rounds, perRound, best, sum / rounds,
                allocated / ((long) rounds * perRound), sink);
    }

    private static long check(Decoded d) {
        if (!(d instanceof Decoded.Reading r)) {
            throw new IllegalStateException("not a reading: " + ((Decoded.Message) d).problem);
        }
        return r.seq + (r.ts == null ? 0 : r.ts) + (long) (r.moisture * 10) + r.potId.length();
    }
}
