package dev.smartpot.firmware.board;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The first console line after a boot: esp_reset_reason_t values as ESP-IDF v4.3.2 and v5.0.1 number them. */
class Esp32ResetReasonTest {

    @Test
    void namesWhatTheBootMeansForRtcMemoryAndTheBatteries() {
        assertEquals("reset reason: power-on (a power cut, or the EN button)", Esp32ResetReason.describe(1));
        assertEquals("reset reason: software restart (the pot restarted itself: \"restarted as planned\" below means"
                + " vm.restart.every)", Esp32ResetReason.describe(3));
        assertEquals("reset reason: task watchdog (the console before the reset says what failed)",
                Esp32ResetReason.describe(6));
        assertEquals("reset reason: deep-sleep wake", Esp32ResetReason.describe(8));
        assertEquals("reset reason: brownout (the supply dipped: on batteries, they are running out)", Esp32ResetReason.describe(9));
        assertEquals("reset reason: esp_reset_reason_t 42", Esp32ResetReason.describe(42));
    }
}
