package dev.smartpot.bench;

import java.util.Arrays;
import java.util.List;

/**
 * How late each reading was taken versus its schedule, worked out from the wire alone, so the same analysis holds
 * for any version of the pot. The schedule is the core's: anchored at a boot's first reading, one slot per seq an
 * interval apart, and a reading taken an interval or more after its slot re-anchors the schedule at itself (the
 * missed slots are skipped, never taken). A seq that never arrived is taken as on time (it cannot be seen).
 */
final class SamplingDelays {

    /** Per reading (after each boot's first): when it was taken (wall ms, estimated) and how late, in ms. */
    final long[] takenWallMs;
    final long[] delayMs;
    final int count;
    /** Largest {@code uptime_ms} step between two consecutive seqs of one pot that both arrived. */
    final long largestGapMs;
    /** Schedule slots in which no reading was taken (a stall of an interval or more skips them). */
    final long slotsSkipped;
    /** Seqs missing between a pot boot's first and last arrived seq. */
    final long seqHoles;

    private SamplingDelays(long[] takenWallMs, long[] delayMs, int count, long largestGapMs, long slotsSkipped, long seqHoles) {
        this.takenWallMs = takenWallMs;
        this.delayMs = delayMs;
        this.count = count;
        this.largestGapMs = largestGapMs;
        this.slotsSkipped = slotsSkipped;
        this.seqHoles = seqHoles;
    }

    static SamplingDelays of(List<List<CadenceArrivals.Arrival>> perPotBoot, long intervalMs) {
        int total = 0;
        for (List<CadenceArrivals.Arrival> readings : perPotBoot) {
            total += readings.size();
        }
        long[] taken = new long[total];
        long[] delay = new long[total];
        int n = 0;
        long largestGap = 0;
        long skipped = 0;
        long holes = 0;
        for (List<CadenceArrivals.Arrival> readings : perPotBoot) {
            long bootWallMs = bootWallMs(readings);
            CadenceArrivals.Arrival previous = null;
            long due = 0;
            for (CadenceArrivals.Arrival r : readings) {
                if (previous == null) {
                    due = r.uptimeMs() + intervalMs;
                    previous = r;
                    continue;
                }
                long missing = r.seq() - previous.seq() - 1;
                holes += missing;
                // The slots of seqs that never arrived pass as if each was taken on time.
                due += missing * intervalMs;
                if (missing == 0) {
                    largestGap = Math.max(largestGap, r.uptimeMs() - previous.uptimeMs());
                }
                long late = r.uptimeMs() - due;
                taken[n] = bootWallMs + r.uptimeMs();
                delay[n] = late;
                n++;
                due += intervalMs;
                if (due <= r.uptimeMs()) {
                    skipped += (r.uptimeMs() - due) / intervalMs + 1;
                    due = r.uptimeMs() + intervalMs;
                }
                previous = r;
            }
        }
        return new SamplingDelays(Arrays.copyOf(taken, n), Arrays.copyOf(delay, n), n, largestGap, skipped, holes);
    }

    /**
     * The wall-clock time of a boot's start, from the reading that arrived soonest after it was taken: arrival
     * minus uptime is later than the boot by that reading's latency alone, which is milliseconds while the link is up.
     */
    private static long bootWallMs(List<CadenceArrivals.Arrival> readings) {
        long best = Long.MAX_VALUE;
        for (CadenceArrivals.Arrival r : readings) {
            best = Math.min(best, r.arrivedWallMs() - r.uptimeMs());
        }
        return best;
    }

    /** Delays of the readings taken in [fromWallMs, toWallMs), as doubles (for charts). */
    double[] delaysBetween(long fromWallMs, long toWallMs) {
        double[] out = new double[count];
        int k = 0;
        for (int i = 0; i < count; i++) {
            if (takenWallMs[i] >= fromWallMs && takenWallMs[i] < toWallMs) {
                out[k++] = delayMs[i];
            }
        }
        return Arrays.copyOf(out, k);
    }
}
