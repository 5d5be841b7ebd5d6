package dev.smartpot.firmware.board;

import dev.smartpot.device.board.Log;

/** Console lines on {@code System.out}, which the ESP32 VEE Ports send to the UART (the USB serial port). */
public final class SystemOutLog implements Log {

    public void info(String message) {
        line("INFO ", message);
    }

    public void warn(String message) {
        line("WARN ", message);
    }

    public void error(String message) {
        line("ERROR", message);
    }

    private static void line(String level, String message) {
        long ms = ej.bon.Util.platformTimeMillis();
        System.out.println("[" + (ms / 1000) + "." + (char) ('0' + (ms / 100) % 10) + "s " + level + "] " + message);
    }
}
