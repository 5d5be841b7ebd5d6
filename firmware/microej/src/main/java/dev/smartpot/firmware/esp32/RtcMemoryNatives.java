package dev.smartpot.firmware.esp32;

/**
 * SNI natives over a region of the ESP32's RTC slow memory ({@code RTC_NOINIT_ATTR}), implemented in
 * {@code firmware/microej/bsp/smartpot_store_natives.c} and by the Simulator mock ({@code firmware/microej/mock}).
 * What is stored survives {@code esp_restart()} and deep sleep, not a power cut; a header with a magic, a layout
 * version and a CRC-32 makes anything else (noise after power-up, another firmware's layout, a reset while storing)
 * read as nothing. It will hold the reading queue, {@code seq} and the boot counter (the section 2); for now
 * it is bytes in, bytes out.
 */
public final class RtcMemoryNatives {

    /** From {@link #load}: the region holds nothing valid. */
    public static final int NOTHING = -1;

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
     * Replaces the region's contents with {@code data[0..length)}; a reset in the middle leaves it invalid, never half
     * written.
     *
     * @return 0, or -0x104 (ESP_ERR_INVALID_SIZE) above {@link #capacity()}
     */
    public static native int store(byte[] data, int length);

    /** Forgets the region: the next {@link #load} returns {@link #NOTHING}. */
    public static native void clear();
}
