package dev.smartpot.device.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Key/value settings with where each came from, parsed from properties text by our own parser
 * ({@code java.util.Properties} is not in the board's profile, and we want line numbers in errors).
 *
 * <p>Syntax: one {@code key = value} (or {@code key: value}) per line; blank lines and lines starting
 * with {@code #} or {@code !} are ignored; spaces around key and value are trimmed. Later entries
 * override earlier ones, so {@link #override} can layer command-line flags on top of a file.
 */
public final class ConfigSource {

    private final String origin;
    private final HashMap<String, Entry> entries = new HashMap<String, Entry>();
    private final List<String> order = new ArrayList<String>();
    private final List<ConfigProblem> syntaxProblems = new ArrayList<ConfigProblem>();

    /** One setting and where it was written. */
    public static final class Entry {
        public final String key;
        public final String value;
        /** A file name, or a description such as "command line". */
        public final String origin;
        /** 1-based line in {@link #origin}, or 0 when not from a file. */
        public final int line;

        Entry(String key, String value, String origin, int line) {
            this.key = key;
            this.value = value;
            this.origin = origin;
            this.line = line;
        }

        /** "file:line" or the origin alone. */
        public String where() {
            return line > 0 ? origin + ":" + line : origin;
        }
    }

    private ConfigSource(String origin) {
        this.origin = origin;
    }

    /** An empty source, for defaults and tests. */
    public static ConfigSource empty(String origin) {
        return new ConfigSource(origin);
    }

    public static ConfigSource parse(String text, String origin) {
        ConfigSource source = new ConfigSource(origin);
        int lineNumber = 0;
        int start = 0;
        int length = text.length();
        while (start <= length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            lineNumber++;
            source.parseLine(text.substring(start, end), lineNumber);
            start = end + 1;
        }
        return source;
    }

    /** Reads UTF-8 properties text from a stream (a file on the desktop, a resource on the board). */
    public static ConfigSource read(InputStream in, String origin) throws IOException {
        Reader reader = new InputStreamReader(in, "UTF-8");
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[512];
        int n;
        while ((n = reader.read(buffer)) > 0) {
            text.append(buffer, 0, n);
        }
        return parse(text.toString(), origin);
    }

    private void parseLine(String raw, int lineNumber) {
        String line = raw.trim();
        if (line.length() > 0 && line.charAt(0) == '\uFEFF') {
            line = line.substring(1).trim();
        }
        if (line.length() == 0 || line.charAt(0) == '#' || line.charAt(0) == '!') {
            return;
        }
        int separator = -1;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '=' || c == ':') {
                separator = i;
                break;
            }
        }
        if (separator <= 0) {
            String shown = line.length() > 40 ? line.substring(0, 40) + "..." : line;
            syntaxProblems.add(new ConfigProblem(origin, lineNumber, null, null,
                    "line \"" + shown + "\" is not a setting",
                    "write it as key = value, or start it with # to make it a comment"));
            return;
        }
        String key = line.substring(0, separator).trim();
        String value = line.substring(separator + 1).trim();
        put(new Entry(key, value, origin, lineNumber));
    }

    /** Sets {@code key} on top of whatever the file said, e.g. from a command-line flag. */
    public void override(String key, String value, String why) {
        put(new Entry(key, value, why, 0));
    }

    private void put(Entry entry) {
        if (!entries.containsKey(entry.key)) {
            order.add(entry.key);
        }
        entries.put(entry.key, entry);
    }

    public Entry get(String key) {
        return entries.get(key);
    }

    /** Keys in the order they first appeared. */
    public List<String> keys() {
        return order;
    }

    public String origin() {
        return origin;
    }

    List<ConfigProblem> syntaxProblems() {
        return syntaxProblems;
    }
}
