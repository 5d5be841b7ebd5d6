package dev.smartpot.firmware.esp32;

/**
 * Our SNI natives, implemented in C in {@code firmware/microej/bsp/smartpot_natives.c} (ESP-IDF ADC1 oneshot
 * driver, {@code esp_restart}, {@code esp_reset_reason}, deep sleep, {@code esp_timer_get_time}) and in Java by the simulator mock
 * ({@code firmware/microej/mock}).
 *
 * <p>SNI maps {@code Java_dev_smartpot_firmware_esp32_Esp32Natives_<method>} to each method. Natives run on the
 * MicroEJ task and block every Java thread while they run: each of these returns in microseconds.
 */
public final class Esp32Natives {

    /** Returned by {@link #adc1Setup(int)} for a GPIO that has no ADC1 channel. */
    public static final int NOT_AN_ADC1_PIN = -1;
    /** ESP_FAIL. Any other negative result is minus an esp_err_t (esp_err.h). */
    public static final int FAIL = -2;

    private Esp32Natives() {
    }

    /**
     * Configures the ADC1 channel of {@code gpio} (12-bit, 12 dB attenuation: about 0 to 3.1 V).
     *
     * @return the ADC1 channel number, {@link #NOT_AN_ADC1_PIN}, {@link #FAIL}, or minus an esp_err_t
     */
    public static native int adc1Setup(int gpio);

    /**
     * One conversion on the channel configured for {@code gpio}.
     *
     * @return raw counts 0 to 4095, {@link #FAIL}, or minus an esp_err_t (-0x103, ESP_ERR_INVALID_STATE, when
     *         {@link #adc1Setup(int)} was not called for this GPIO)
     */
    public static native int adc1Read(int gpio);

    /** "ESP_FAIL" or "esp_err_t 0x103": how a negative result reads in a log line. */
    public static String describeError(int result) {
        return result == FAIL ? "ESP_FAIL" : "esp_err_t 0x" + Integer.toHexString(-result);
    }

    /** Restarts the chip ({@code esp_restart()}); does not return on the board. */
    public static native void restart();

    /** Why this boot happened: ESP-IDF's {@code esp_reset_reason()} ({@code esp_reset_reason_t}, see {@code Esp32ResetReason}). */
    public static native int resetReason();

    /**
     * Deep sleep for {@code micros} microseconds: {@code esp_sleep_enable_timer_wakeup} then {@code esp_deep_sleep_start}.
     * On the board it never returns (the wake is a boot). It returns minus an esp_err_t when the timer cannot be armed
     * (-0x102, ESP_ERR_INVALID_ARG, for a negative time), and 0 on the MicroEJ Simulator once the mock has waited the
     * time instead.
     */
    public static native int deepSleep(long micros);

    /**
     * Microseconds since ESP-IDF started ({@code esp_timer_get_time()}): read first thing in {@code main}, how long the
     * boot took to reach Java, without the ROM's and the bootloader's time before the application started.
     */
    public static native long microsSinceStart();

    /**
     * What was typed at the serial console since the last call, at most {@code max} bytes into {@code buf}: ESP-IDF's
     * stdin on the console UART, which returns at once (no UART driver is installed on it).
     *
     * @return the bytes read, 0 for none, or minus an errno
     */
    public static native int consoleRead(byte[] buf, int max);
}
