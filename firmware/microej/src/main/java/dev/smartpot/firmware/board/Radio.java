package dev.smartpot.firmware.board;

/** The board's WiFi radio, as far as a deep sleep needs it: stopped before the chip powers down. */
public interface Radio {

    /** Stops the radio ({@code esp_wifi_stop()} on the ESP32); never throws. */
    void stop();
}
