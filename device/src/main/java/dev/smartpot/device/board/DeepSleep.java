package dev.smartpot.device.board;

/**
 * The board's deepest sleep: everything but the RTC (its timer and memory) is switched off, and the wake is a boot.
 * On the ESP32: {@code esp_sleep_enable_timer_wakeup} then {@code esp_deep_sleep_start}, which never returns. In the
 * simulator it returns once the sleep is over on the simulator's clock, and the runtime builds the core again from
 * nothing, as the board does.
 */
public interface DeepSleep {

    /** Sleeps {@code millis}; the core has kept its state in retained memory before calling this. May not return. */
    void sleep(long millis);
}
