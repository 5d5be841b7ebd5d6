package dev.smartpot.mothership.plant;

import java.util.Arrays;

/**
 * A pot's reading interval, inferred from what it sends: the median of its recent gaps, so one late or
 * queued reading does not move it. How a gap is measured (the pot's uptime, its clock across deep-sleep
 * wakes, arrival times only as a last resort) is {@link LivePot#gapMs}.
 */
public final class Cadence {

    private static final int KEEP = 9;

    private final long[] gaps = new long[KEEP];
    private int count;
    private int next;

    /** @param gapMs the time between two consecutive readings divided by their seq difference; ignored unless positive */
    public void addGap(long gapMs) {
        if (gapMs <= 0) {
            return;
        }
        gaps[next] = gapMs;
        next = (next + 1) % KEEP;
        count = Math.min(count + 1, KEEP);
    }

    /** The expected interval in ms, 0 while unknown. */
    public long intervalMs() {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(gaps, count);
        Arrays.sort(sorted);
        return sorted[count / 2];
    }
}
