package dev.smartpot.protocol;

/**
 * The mothership's confirmation of what it has stored, retained at QoS 1 on {@link WireTopics#ACK_TEMPLATE}:
 * {@code {"boots":[{"boot":4,"from":120,"to":131},{"boot":3,"from":0,"to":119}]}}, newest boot first, at most
 * {@link #MAX_RUNS} entries. Each entry says: every reading of that boot with {@code from <= seq <= to} is committed
 * to the store (the run of consecutive seqs that holds the newest reading the mothership stored of that boot). A pot
 * lets a queued reading go only when an entry covers it and every older reading it still holds.
 */
public final class AckFields {

    /** The list of runs, newest first. */
    public static final String RUNS = "runs";
    /** The boot the run belongs to ({@link ReadingFields#BOOT}): whole number, at least 0. */
    public static final String BOOT = "boot";
    /** The first seq of the run: whole number, at least 0. */
    public static final String FROM = "from";
    /** The last seq of the run, at least {@link #FROM}. */
    public static final String TO = "to";
    /** The runs an acknowledgement holds at most: a pot's queue rarely spans more than a reset or a gap. */
    public static final int MAX_RUNS = 4;
    /** The mothership sends a pot at most one acknowledgement in this time. */
    public static final long MIN_INTERVAL_MILLIS = 1000;

    private AckFields() {
    }
}
