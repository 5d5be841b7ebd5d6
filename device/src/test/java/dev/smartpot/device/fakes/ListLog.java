package dev.smartpot.device.fakes;

import java.util.ArrayList;
import java.util.List;

import dev.smartpot.device.board.Log;

/** Keeps the device's console lines, prefixed with their level. */
public final class ListLog implements Log {

    public final List<String> lines = new ArrayList<>();

    @Override
    public void info(CharSequence message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(CharSequence message) {
        lines.add("WARN " + message);
    }

    @Override
    public void error(CharSequence message) {
        lines.add("ERROR " + message);
    }

    public long count(String fragment) {
        return lines.stream().filter(l -> l.contains(fragment)).count();
    }

    public boolean has(String fragment) {
        return count(fragment) > 0;
    }

    public String all() {
        return String.join("\n", lines);
    }
}
