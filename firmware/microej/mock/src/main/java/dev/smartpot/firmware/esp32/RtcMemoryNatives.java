package dev.smartpot.firmware.esp32;

import java.util.Arrays;

/**
 * The MicroEJ Simulator's side of the RTC memory natives (same class and methods as the firmware's, plain Java): the
 * region lives in this JVM's memory, so it survives what RTC memory survives in a Simulator run (the mock's
 * {@code restart()} does not end the run) and is gone when the Simulator stops, as after a power cut.
 */
public final class RtcMemoryNatives {

    public static final int NOTHING = -1;
    public static final int KEPT_PREVIOUS_UNTIL_DONE = 0;
    public static final int WRITTEN_OVER_PREVIOUS = 1;
    private static final int CAPACITY = 6144;
    private static final int INVALID_SIZE = 0x104;

    /** Null: nothing valid stored. */
    private static byte[] region;

    private RtcMemoryNatives() {
    }

    public static int capacity() {
        return CAPACITY;
    }

    public static synchronized int load(byte[] buffer, int capacity) {
        if (region == null || region.length > capacity) {
            return NOTHING;
        }
        System.arraycopy(region, 0, buffer, 0, region.length);
        return region.length;
    }

    public static synchronized int store(byte[] data, int length) {
        if (length < 0 || length > CAPACITY) {
            return -INVALID_SIZE;
        }
        // As the C: two copies side by side only while they fit in the region together.
        int previous = region == null ? 0 : region.length;
        region = Arrays.copyOf(data, length);
        return previous + length <= CAPACITY ? KEPT_PREVIOUS_UNTIL_DONE : WRITTEN_OVER_PREVIOUS;
    }

    public static synchronized void clear() {
        region = null;
    }
}
