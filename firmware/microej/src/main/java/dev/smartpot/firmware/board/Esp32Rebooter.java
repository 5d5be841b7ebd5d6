package dev.smartpot.firmware.board;

import dev.smartpot.device.board.Log;
import dev.smartpot.device.board.Rebooter;
import dev.smartpot.firmware.esp32.Esp32Natives;

/** Restarts the ESP32 through {@code esp_restart()} (our SNI native). */
public final class Esp32Rebooter implements Rebooter {

    private final Log log;

    public Esp32Rebooter(Log log) {
        this.log = log;
    }

    public void reboot(String reason) {
        log.error("restarting the board: " + reason);
        Esp32Natives.restart();
    }
}
