package dev.smartpot.device.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import dev.smartpot.device.text.Durations;

/**
 * Reads typed settings from a {@link ConfigSource}, collecting every problem instead of stopping at the
 * first. Each part of the program reads its own keys through the same reader; {@link #finish()} then
 * reports keys nobody asked for (with a "did you mean") and throws if anything was wrong.
 */
public final class ConfigReader {

    /** Values starting with this are unedited template placeholders (YOUR_SSID, YOUR_PASSWORD). */
    public static final String PLACEHOLDER_PREFIX = "YOUR_";

    private static final String HIDDEN = "<hidden>";

    private final ConfigSource source;
    private final HashMap<String, Boolean> known = new HashMap<String, Boolean>();
    private final HashMap<String, Boolean> secret = new HashMap<String, Boolean>();
    private final List<ConfigProblem> problems = new ArrayList<ConfigProblem>();

    public ConfigReader(ConfigSource source) {
        this.source = source;
        problems.addAll(source.syntaxProblems());
    }

    public ConfigSource source() {
        return source;
    }

    // ---- typed keys: name, default and range from ConfigKeys --------------------------------------

    public boolean isSet(ConfigKey key) {
        return isSet(key.name);
    }

    public String text(ConfigKey key) {
        return key.type == ConfigKey.SECRET ? secret(key.name, key.defaultText) : text(key.name, key.defaultText);
    }

    /** A key whose default depends on other settings. */
    public String text(ConfigKey key, String defaultValue) {
        return key.type == ConfigKey.SECRET ? secret(key.name, defaultValue) : text(key.name, defaultValue);
    }

    public String requiredText(ConfigKey key, String example) {
        return requiredText(key.name, example);
    }

    public long duration(ConfigKey key) {
        return duration(key.name, key.defaultValue, key.min, key.max);
    }

    public long number(ConfigKey key) {
        return number(key.name, key.defaultValue, key.min, key.max);
    }

    /** A key whose default depends on other settings. */
    public long number(ConfigKey key, long defaultValue) {
        return number(key.name, defaultValue, key.min, key.max);
    }

    public boolean bool(ConfigKey key) {
        return bool(key.name, key.defaultValue == 1);
    }

    /** A key whose default depends on other settings. */
    public boolean bool(ConfigKey key, boolean defaultValue) {
        return bool(key.name, defaultValue);
    }

    public String choice(ConfigKey key) {
        return choice(key.name, key.defaultText, key.choices());
    }

    public void problem(ConfigKey key, String rule, String fix) {
        problem(key.name, rule, fix);
    }

    // ---- keys by name --------------------------------------------------------------------------------

    /** True if the key is set (to anything, even empty). */
    public boolean isSet(String key) {
        known.put(key, Boolean.TRUE);
        return source.get(key) != null;
    }

    /** Optional text; {@code defaultValue} when absent or empty. */
    public String text(String key, String defaultValue) {
        ConfigSource.Entry e = entry(key);
        if (e == null || e.value.length() == 0) {
            return defaultValue;
        }
        if (e.value.startsWith(PLACEHOLDER_PREFIX)) {
            placeholder(e);
        }
        return e.value;
    }

    /** Text that must be present and not a template placeholder; {@code example} shows what to write. */
    public String requiredText(String key, String example) {
        ConfigSource.Entry e = entry(key);
        if (e == null || e.value.length() == 0) {
            record(new ConfigProblem(source.origin(), 0, key, null, "is required but not set",
                    "add a line \"" + key + " = " + example + "\""));
            return null;
        }
        if (e.value.startsWith(PLACEHOLDER_PREFIX)) {
            placeholder(e);
            return null;
        }
        return e.value;
    }

    /** A secret: read like {@link #text}, but its value never appears in a message. */
    public String secret(String key, String defaultValue) {
        secret.put(key, Boolean.TRUE);
        return text(key, defaultValue);
    }

    /** A duration such as 500ms, 5s, 2m or 1h, within [min, max]. */
    public long duration(String key, long defaultMillis, long minMillis, long maxMillis) {
        ConfigSource.Entry e = entry(key);
        if (e == null || e.value.length() == 0) {
            return defaultMillis;
        }
        long ms = Durations.parseMillis(e.value);
        if (ms < 0) {
            problem(e, "is not a duration", "write a whole number followed by ms, s, m or h, e.g. "
                    + Durations.format(defaultMillis));
            return defaultMillis;
        }
        if (ms < minMillis || ms > maxMillis) {
            problem(e, "is out of range " + Durations.format(minMillis) + " to " + Durations.format(maxMillis),
                    "pick a value in that range; the default is " + Durations.format(defaultMillis));
            return defaultMillis;
        }
        return ms;
    }

    /** A whole number within [min, max]. */
    public long number(String key, long defaultValue, long min, long max) {
        ConfigSource.Entry e = entry(key);
        if (e == null || e.value.length() == 0) {
            return defaultValue;
        }
        long n;
        try {
            n = Long.parseLong(e.value);
        } catch (NumberFormatException notANumber) {
            problem(e, "is not a whole number", "write digits only, e.g. " + defaultValue);
            return defaultValue;
        }
        if (n < min || n > max) {
            problem(e, "is out of range " + min + " to " + max, "pick a value in that range; the default is " + defaultValue);
            return defaultValue;
        }
        return n;
    }

    public boolean bool(String key, boolean defaultValue) {
        ConfigSource.Entry e = entry(key);
        if (e == null || e.value.length() == 0) {
            return defaultValue;
        }
        if (e.value.equalsIgnoreCase("true") || e.value.equals("1") || e.value.equalsIgnoreCase("yes")
                || e.value.equalsIgnoreCase("on")) {
            return true;
        }
        if (e.value.equalsIgnoreCase("false") || e.value.equals("0") || e.value.equalsIgnoreCase("no")
                || e.value.equalsIgnoreCase("off")) {
            return false;
        }
        problem(e, "is not a yes/no value", "write true or false (default " + defaultValue + ")");
        return defaultValue;
    }

    /** One of {@code allowed} (case-sensitive). */
    public String choice(String key, String defaultValue, String[] allowed) {
        ConfigSource.Entry e = entry(key);
        if (e == null || e.value.length() == 0) {
            return defaultValue;
        }
        for (int i = 0; i < allowed.length; i++) {
            if (allowed[i].equals(e.value)) {
                return e.value;
            }
        }
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < allowed.length; i++) {
            list.append(i == 0 ? "" : ", ").append(allowed[i]);
        }
        problem(e, "is not one of: " + list, "write one of those (default " + defaultValue + ")");
        return defaultValue;
    }

    /** Records a problem with a key's value found by the caller's own rule. */
    public void problem(String key, String rule, String fix) {
        ConfigSource.Entry e = source.get(key);
        if (e == null) {
            record(new ConfigProblem(source.origin(), 0, key, null, rule, fix));
        } else {
            problem(e, rule, fix);
        }
    }

    /** Records a problem about two keys together (e.g. a range given backwards). */
    public void problemAcross(String rule, String fix) {
        record(new ConfigProblem(source.origin(), 0, null, null, rule, fix));
    }

    private void problem(ConfigSource.Entry e, String rule, String fix) {
        record(new ConfigProblem(e.origin, e.line, e.key, shown(e), rule, fix));
    }

    private void placeholder(ConfigSource.Entry e) {
        record(new ConfigProblem(e.origin, e.line, e.key, shown(e), "still holds the template placeholder",
                "replace it with your real value"));
    }

    /** Keeps a problem once: a key that two parts read (the battery pin: the core and the board) breaks one rule once. */
    private void record(ConfigProblem p) {
        for (int i = 0; i < problems.size(); i++) {
            ConfigProblem known = problems.get(i);
            if (p.key != null && p.key.equals(known.key) && p.rule.equals(known.rule)) {
                return;
            }
        }
        problems.add(p);
    }

    private String shown(ConfigSource.Entry e) {
        if (secret.containsKey(e.key)) {
            return HIDDEN;
        }
        return e.value.length() > 60 ? e.value.substring(0, 60) + "..." : e.value;
    }

    private ConfigSource.Entry entry(String key) {
        known.put(key, Boolean.TRUE);
        return source.get(key);
    }

    /** Problems found so far, without the unknown-key check. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    /** Adds a problem for every key nobody read, then throws if there is any problem at all. */
    public void finish() throws ConfigException {
        List<String> keys = source.keys();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (known.containsKey(key)) {
                continue;
            }
            ConfigSource.Entry e = source.get(key);
            String suggestion = KeySuggestion.closest(key, known.keySet().toArray());
            String fix = suggestion != null ? "did you mean \"" + suggestion + "\"?"
                    : "remove it, or check the documented keys in the template";
            record(new ConfigProblem(e.origin, e.line, key, null, "is not a known key", fix));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(inFileOrder(problems));
        }
    }

    /** Problems sorted by line, so a user fixes the file top to bottom; problems without a line go last. */
    private static List<ConfigProblem> inFileOrder(List<ConfigProblem> found) {
        List<ConfigProblem> sorted = new ArrayList<ConfigProblem>(found.size());
        for (int i = 0; i < found.size(); i++) {
            ConfigProblem p = found.get(i);
            int at = sorted.size();
            while (at > 0 && lineOf(sorted.get(at - 1)) > lineOf(p)) {
                at--;
            }
            sorted.add(at, p);
        }
        return sorted;
    }

    private static int lineOf(ConfigProblem p) {
        return p.line > 0 ? p.line : Integer.MAX_VALUE;
    }
}
