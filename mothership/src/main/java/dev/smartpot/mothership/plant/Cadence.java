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
    /** Where the median is found, so a gap allocates nothing. */
    private final long[] sorted = new long[KEEP];
    private int count;
    private int next;
    /** The median of {@link #gaps}, kept from one gap to the next: asked several times per reading. */
    private long median;

    /** @param gapMs the time between two consecutive readings divided by their seq difference; ignored unless positive */
    public void addGap(long gapMs) {
        if (gapMs <= 0) {
            return;
        }
        gaps[next] = gapMs;
        next = (next + 1) % KEEP;
        count = Math.min(count + 1, KEEP);
        System.arraycopy(gaps, 0, sorted, 0, count);
        Arrays.sort(sorted, 0, count);
        median = sorted[count / 2];
    }

    /** The expected interval in ms, 0 while unknown. */
    public long intervalMs() {
        return median;
    }
}
