package dev.smartpot.device.board;

/**
 * A small region of memory that survives a software reset and a deep sleep but not a power cut: RTC slow memory on
 * the ESP32 ({@code RTC_NOINIT_ATTR}, 6,144 bytes here), an object the simulator keeps across its simulated reboots.
 * Whole-region load and store, so an implementation can make a store atomic (a reset in the middle of one leaves
 * the old contents or nothing, never half).
 */
public interface RetainedMemory {

    /** From {@link #load}: nothing valid is kept (first power-up, power cut, corruption). */
    int NOTHING = -1;

    /** Bytes the region holds at most. */
    int capacity();

    /**
     * Copies what was last stored into {@code buffer} (at least {@link #capacity()} long).
     *
     * @return its length, or {@link #NOTHING}
     */
    int load(byte[] buffer);

    /** Replaces the contents with {@code data[0..length)}, {@code length} at most {@link #capacity()}. */
    void store(byte[] data, int length);
}
