package dev.smartpot.device.config;

/** One thing wrong with a configuration: where, which key, what value, which rule, and how to fix it. */
public final class ConfigProblem {

    /** The file (or other source) the problem is in. */
    public final String origin;
    /** 1-based line in {@link #origin}, or 0 for a problem not on one line (a missing key, two keys together). */
    public final int line;
    /** "file:line", or the origin alone when there is no line. */
    public final String where;
    /** Null for a problem that is not about one key (a syntax error). */
    public final String key;
    /** The value as it may be shown: null when absent, a mask for secrets. */
    public final String shownValue;
    public final String rule;
    public final String fix;

    public ConfigProblem(String origin, int line, String key, String shownValue, String rule, String fix) {
        this.origin = origin;
        this.line = line;
        this.where = line > 0 ? origin + ":" + line : origin;
        this.key = key;
        this.shownValue = shownValue;
        this.rule = rule;
        this.fix = fix;
    }

    /** e.g. {@code simulator.properties:12: publish.interval = "5x": not a duration. Fix: write ...}. */
    public String message() {
        StringBuilder sb = new StringBuilder();
        sb.append(where).append(": ");
        if (key != null) {
            sb.append(key);
            if (shownValue != null) {
                sb.append(" = \"").append(shownValue).append('"');
            }
            sb.append(": ");
        }
        sb.append(rule).append(". Fix: ").append(fix);
        return sb.toString();
    }

    public String toString() {
        return message();
    }
}
