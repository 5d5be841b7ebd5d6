package dev.smartpot.firmware.esp32;

/**
 * Our SNI natives for the pump, implemented in C in {@code firmware/microej/bsp/smartpot_pump_natives.c} (a GPIO and an
 * ESP-IDF one-shot {@code esp_timer} whose callback switches the GPIO off on ESP-IDF's timer task) and in Java by the
 * Simulator mock ({@code firmware/microej/mock}). Each returns within microseconds.
 */
public final class PumpNatives {

    /** Minus ESP_ERR_INVALID_STATE: {@link #run(long)} while the pump runs, or before {@link #off(int, int)}. */
    public static final int STILL_RUNNING = -0x103;

    private PumpNatives() {
    }

    /**
     * Drives {@code gpio} to its off level and makes it an output without pulls; disarms the timer. Called first at
     * every boot, and to stop the pump.
     *
     * @param activeLevel 1 when the pump runs while the pin is high, 0 while it is low
     * @return 0, or minus an esp_err_t (-0x102, ESP_ERR_INVALID_ARG, for a pin that cannot drive an output)
     */
    public static native int off(int gpio, int activeLevel);

    /**
     * Arms the one-shot timer for {@code micros}, then drives the pin {@link #off(int, int)} configured to its on level;
     * the timer's callback switches it off, whatever the VM does meanwhile.
     *
     * @return 0, {@link #STILL_RUNNING}, or minus another esp_err_t (-0x102 for a time out of 1 us to 10 minutes)
     */
    public static native int run(long micros);

    /** 1 while the pump runs, else 0. */
    public static native int running();
}
