package dev.smartpot.firmware.esp32;

/**
 * SNI natives over ESP-IDF's NVS (flash key-value store), implemented in {@code firmware/microej/bsp/smartpot_store_natives.c}
 * (namespace "smartpot", one blob per key) and by the Simulator mock ({@code firmware/microej/mock}). Two keys, named
 * by number so Java cannot reach any other: the settings the mothership changes ({@link #KEY_SETTINGS}, NVS key
 * "settings") and the core's sequence mark ({@link #KEY_SEQUENCE_MARK}, NVS key "seqmark"). NVS itself is started
 * by the VEE Port before Java runs.
 *
 * <p>A save that changes the text writes flash (milliseconds, during which every Java thread waits); a save of the
 * same bytes writes nothing. Results below zero are {@link #NOTHING_SAVED}, {@link Esp32Natives#FAIL} or minus an
 * esp_err_t ({@link Esp32Natives#describeError(int)} names them).
 */
public final class NvsNatives {

    /** The settings commands changed (NVS key "settings"). */
    public static final int KEY_SETTINGS = 0;
    /** The core's sequence mark, which bounds what a power cut loses (NVS key "seqmark"). */
    public static final int KEY_SEQUENCE_MARK = 1;
    /** From {@link #load}: nothing was ever saved under this key on this board. */
    public static final int NOTHING_SAVED = -1;
    /** From {@link #save}: the same bytes were already saved, flash untouched. */
    public static final int UNCHANGED = 0;
    /** From {@link #save}: written and committed. */
    public static final int WRITTEN = 1;

    private NvsNatives() {
    }

    /**
     * Reads the text saved under {@code key} into {@code buffer[0..capacity)}.
     *
     * @return its length, {@link #NOTHING_SAVED}, or minus an esp_err_t (-0x110c when it does not fit, -0x102 for an
     *         unknown key)
     */
    public static native int load(int key, byte[] buffer, int capacity);

    /**
     * Saves {@code text[0..length)} under {@code key} unless exactly that is saved already. NVS keeps the old value
     * until the new one is complete: after a crash one or the other is there.
     *
     * @return {@link #WRITTEN}, {@link #UNCHANGED}, or minus an esp_err_t (-0x104 above {@link #maxLength()}, -0x102
     *         for an unknown key)
     */
    public static native int save(int key, byte[] text, int length);

    /** The longest text {@link #save} takes under any key, in bytes. */
    public static native int maxLength();
}
