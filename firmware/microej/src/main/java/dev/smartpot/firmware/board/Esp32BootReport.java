package dev.smartpot.firmware.board;

import dev.smartpot.device.board.BootReport;

/**
 * This chip boot as the board measured it: ESP-IDF's clock when Java's main began ({@code esp_timer_get_time}, the
 * ROM and the bootloader before it not counted) and {@code esp_reset_reason()} in the protocol's words, for a battery
 * pot's wake report.
 */
public final class Esp32BootReport implements BootReport {

    private final long bootMillis;
    private final String resetReason;

    /**
     * @param mainMicros ESP-IDF's clock when main began, µs
     * @param resetReason {@code esp_reset_reason()}
     */
    public Esp32BootReport(long mainMicros, int resetReason) {
        this.bootMillis = mainMicros / 1000;
        this.resetReason = Esp32ResetReason.word(resetReason);
    }

    public long bootMillis() {
        return bootMillis;
    }

    public String resetReason() {
        return resetReason;
    }
}
