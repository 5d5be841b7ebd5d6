package dev.smartpot.device.config;

import dev.smartpot.device.text.Durations;

/**
 * One setting of a pot: its name, type, default and range. The reader reads through it, its error messages
 * quote it, and the documentation check holds the board-config templates to it. A default that depends on other
 * settings (a topic beside another topic) is {@code null} here and given by the code that reads the key.
 */
final class ConfigKey {

    public static final int TEXT = 0;
    /** Text whose value never appears in a message. */
    public static final int SECRET = 1;
    public static final int NUMBER = 2;
    /** Milliseconds, written 500ms, 5s, 2m or 1h. */
    public static final int DURATION = 3;
    public static final int BOOL = 4;
    public static final int CHOICE = 5;

    public final String name;
    public final int type;
    /** The default as text (what the templates show), or null when it depends on other settings or there is none. */
    public final String defaultText;
    /** The numeric default of a NUMBER or DURATION key, and its range. */
    public final long defaultValue;
    public final long min;
    public final long max;
    /** Allowed values of a CHOICE key. */
    private final String[] choices;

    private ConfigKey(String name, int type, String defaultText, long defaultValue, long min, long max, String[] choices) {
        this.name = name;
        this.type = type;
        this.defaultText = defaultText;
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
        this.choices = choices;
    }

    static ConfigKey text(String name, String defaultText) {
        return new ConfigKey(name, TEXT, defaultText, 0, 0, 0, null);
    }

    static ConfigKey secret(String name, String defaultText) {
        return new ConfigKey(name, SECRET, defaultText, 0, 0, 0, null);
    }

    static ConfigKey number(String name, long defaultValue, long min, long max) {
        return new ConfigKey(name, NUMBER, Long.toString(defaultValue), defaultValue, min, max, null);
    }

    static ConfigKey duration(String name, long defaultMillis, long minMillis, long maxMillis) {
        return new ConfigKey(name, DURATION, Durations.format(defaultMillis), defaultMillis, minMillis, maxMillis, null);
    }

    /** A duration whose default is the runtime's (-1 here): the runtime says what an unset key means. */
    static ConfigKey durationByRuntime(String name, long minMillis, long maxMillis) {
        return new ConfigKey(name, DURATION, null, -1, minMillis, maxMillis, null);
    }

    /** @param defaultValue 1 for true, 0 for false, -1 when it depends on other settings */
    static ConfigKey bool(String name, int defaultValue) {
        return new ConfigKey(name, BOOL, defaultValue < 0 ? null : defaultValue == 1 ? "true" : "false", defaultValue, 0, 1, null);
    }

    static ConfigKey choice(String name, String defaultText, String[] choices) {
        return new ConfigKey(name, CHOICE, defaultText, 0, 0, 0, choices);
    }

    /** The allowed values of a CHOICE key (a copy). */
    public String[] choices() {
        String[] copy = new String[choices == null ? 0 : choices.length];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = choices[i];
        }
        return copy;
    }

    public String toString() {
        return name;
    }
}
