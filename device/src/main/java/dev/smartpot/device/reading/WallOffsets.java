package dev.smartpot.device.reading;

/**
 * A queued reading's wall clock, kept in one int: its offset from the reading's uptime, relative to one base per
 * queue (wall clock minus uptime when the base was set). The queue's lock guards it.
 */
final class WallOffsets {

    /** The wall clock was unknown when the reading was taken. */
    static final int NO_WALL = Integer.MIN_VALUE;

    private long base;
    private boolean set;

    /** The int kept for {@code wallMillis} (0: unknown) of a reading at {@code rebuiltUptime}; the first sets the base. */
    int offset(long wallMillis, long rebuiltUptime, boolean first) {
        if (wallMillis == 0) {
            return NO_WALL;
        }
        long offset = wallMillis - rebuiltUptime;
        if (!set || first) {
            base = offset;
            set = true;
        }
        long relative = offset - base;
        return relative <= NO_WALL ? NO_WALL + 1 : relative > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) relative;
    }

    /** The wall clock of a reading at {@code uptime} kept as {@code offset}, 0 when unknown. */
    long wallMillis(long uptime, int offset) {
        return offset == NO_WALL ? 0 : uptime + base + offset;
    }

    long base() {
        return base;
    }

    void restore(long restoredBase) {
        base = restoredBase;
        set = true;
    }

    /** Uptime moved on by {@code millis} while the wall clock did not. */
    void shift(long millis) {
        base -= millis;
    }
}
