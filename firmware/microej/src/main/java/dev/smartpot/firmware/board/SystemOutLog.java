package dev.smartpot.firmware.board;

import java.io.PrintStream;

import dev.smartpot.device.board.Log;

/**
 * Console lines on {@code System.out}, which the ESP32 VEE Ports send to the UART (the USB serial port). The
 * line is written byte by byte (ASCII; anything else as '?'), so a line per reading makes no garbage.
 */
public final class SystemOutLog implements Log {

    public void info(CharSequence message) {
        line("INFO ", message);
    }

    public void warn(CharSequence message) {
        line("WARN ", message);
    }

    public void error(CharSequence message) {
        line("ERROR", message);
    }

    private static void line(String level, CharSequence message) {
        long ms = ej.bon.Util.platformTimeMillis();
        PrintStream out = System.out;
        synchronized (out) {
            out.write('[');
            number(out, ms / 1000);
            out.write('.');
            out.write('0' + (int) ((ms / 100) % 10));
            out.write('s');
            out.write(' ');
            text(out, level);
            out.write(']');
            out.write(' ');
            text(out, message);
            out.write('\n');
            out.flush();
        }
    }

    private static void text(PrintStream out, CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.write(c < 128 ? c : '?');
        }
    }

    private static void number(PrintStream out, long value) {
        if (value >= 10) {
            number(out, value / 10);
        }
        out.write('0' + (int) (value % 10));
    }
}
