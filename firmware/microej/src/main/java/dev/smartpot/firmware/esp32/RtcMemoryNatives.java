package dev.smartpot.firmware.esp32;

/**
 * SNI natives over a region of the ESP32's RTC slow memory ({@code RTC_NOINIT_ATTR}), implemented in
 * {@code firmware/microej/bsp/smartpot_store_natives.c} and by the Simulator mock ({@code firmware/microej/mock}).
 * What is stored survives {@code esp_restart()} and deep sleep, not a power cut; two slot headers, each with a magic,
 * a layout version and a CRC-32, make anything else (noise after power-up, another firmware's layout, a copy a reset
 * interrupted) read as the previous copy or as nothing. It holds the core's {@code RetainedState} (the reading queue,
 * {@code seq}, the boot counter) through {@code board.RtcRetainedMemory}.
 */
public final class RtcMemoryNatives {

    /** From {@link #load}: the region holds nothing valid. */
    public static final int NOTHING = -1;
    /** From {@link #store}: the previous copy stayed valid until the new one was complete. */
    public static final int KEPT_PREVIOUS_UNTIL_DONE = 0;
    /** From {@link #store}: too large to keep two copies; a reset during it would have left nothing. */
    public static final int WRITTEN_OVER_PREVIOUS = 1;

    private RtcMemoryNatives() {
    }

    /** Bytes the region holds at most (6144 unless the BSP is built with another SMARTPOT_RTC_CAPACITY). */
    public static native int capacity();

    /**
     * Copies what was last stored into {@code buffer[0..capacity)}.
     *
     * @return its length, or {@link #NOTHING} (first boot, power cut, another layout, corruption, or more than
     *         {@code capacity})
     */
    public static native int load(byte[] buffer, int capacity);

    /**
     * Replaces the region's contents with {@code data[0..length)}, never leaving half of it: the new copy is written
     * beside the previous one and marked valid last, so a reset in the middle leaves the previous copy. When the two
     * do not fit side by side (together more than {@link #capacity()}), the previous copy is given up first and a
     * reset in the middle leaves nothing.
     *
     * @return {@link #KEPT_PREVIOUS_UNTIL_DONE}, {@link #WRITTEN_OVER_PREVIOUS}, or -0x104 (ESP_ERR_INVALID_SIZE) above
     *         {@link #capacity()}, the region unchanged
     */
    public static native int store(byte[] data, int length);

    /** Forgets the region: the next {@link #load} returns {@link #NOTHING}. */
    public static native void clear();
}
