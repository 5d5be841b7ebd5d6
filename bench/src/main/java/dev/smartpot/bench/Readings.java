package dev.smartpot.bench;

/** Picks the fields a benchmark needs out of a reading's JSON, without a JSON library. */
final class Readings {

    private Readings() {
    }

    static String id(String json) {
        int at = json.indexOf("\"id\":\"");
        return at < 0 ? null : json.substring(at + 6, json.indexOf('"', at + 6));
    }

    static long seq(String json) {
        return number(json, "\"seq\":");
    }

    /** Wall-clock ms when the reading was taken, or -1. */
    static long ts(String json) {
        return number(json, "\"ts\":");
    }

    private static long number(String json, String key) {
        int at = json.indexOf(key);
        if (at < 0) {
            return -1;
        }
        int from = at + key.length();
        int to = from;
        while (to < json.length() && Character.isDigit(json.charAt(to))) {
            to++;
        }
        return Long.parseLong(json.substring(from, to));
    }
}
