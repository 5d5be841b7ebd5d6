package dev.smartpot.simulator.board;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

import dev.smartpot.device.board.Log;

/** The simulated board's serial console: timestamped lines, tagged with the pot's client id. */
public final class ConsoleLog implements Log {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final String tag;
    private final Consumer<String> sink;

    public ConsoleLog(String tag, Consumer<String> sink) {
        this.tag = tag;
        this.sink = sink;
    }

    @Override
    public void info(CharSequence message) {
        write("INFO ", message);
    }

    @Override
    public void warn(CharSequence message) {
        write("WARN ", message);
    }

    @Override
    public void error(CharSequence message) {
        write("ERROR", message);
    }

    private void write(String level, CharSequence message) {
        sink.accept(LocalTime.now().format(TIME) + " " + level + " [" + tag + "] " + message);
    }
}
