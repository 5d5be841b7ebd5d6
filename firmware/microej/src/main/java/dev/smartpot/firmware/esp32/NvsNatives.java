package dev.smartpot.firmware.esp32;

/**
 * SNI natives over ESP-IDF's NVS (flash key-value store) for the settings the mothership changes, implemented in
 * {@code firmware/microej/bsp/smartpot_store_natives.c} (namespace "smartpot", key "settings", one blob) and by the
 * Simulator mock ({@code firmware/microej/mock}). NVS itself is started by the VEE Port before Java runs.
 *
 * <p>A save that changes the settings writes flash (milliseconds, during which every Java thread waits); a save of
 * the same bytes writes nothing. Results below zero are {@link #NOTHING_SAVED}, {@link Esp32Natives#FAIL} or minus an
 * esp_err_t ({@link Esp32Natives#describeError(int)} names them).
 */
public final class NvsNatives {

    /** From {@link #settingsLoad}: nothing was ever saved on this board. */
    public static final int NOTHING_SAVED = -1;
    /** From {@link #settingsSave}: the same bytes were already saved, flash untouched. */
    public static final int UNCHANGED = 0;
    /** From {@link #settingsSave}: written and committed. */
    public static final int WRITTEN = 1;

    private NvsNatives() {
    }

    /**
     * Reads the saved settings into {@code buffer[0..capacity)}.
     *
     * @return their length, {@link #NOTHING_SAVED}, or minus an esp_err_t (-0x110c when they do not fit)
     */
    public static native int settingsLoad(byte[] buffer, int capacity);

    /**
     * Saves {@code text[0..length)} unless exactly that is saved already. NVS keeps the old value until the new one is
     * complete: after a crash one or the other is there.
     *
     * @return {@link #WRITTEN}, {@link #UNCHANGED}, or minus an esp_err_t (-0x104 above {@link #settingsMax()})
     */
    public static native int settingsSave(byte[] text, int length);

    /** The largest settings text {@link #settingsSave} takes, in bytes. */
    public static native int settingsMax();
}
