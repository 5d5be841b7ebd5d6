package dev.smartpot.tools;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code scripts/board-report --mothership URL POT} for an always-on pot: its connects as the mothership stored them from
 * its connect records ({@code GET /api/pots/POT/connects}), as a table of each phase (median / max) and the reasons it
 * reconnected. Plain JDK, as {@link StoredWakes}.
 */
final class StoredConnects {

    private static final Pattern OBJECT = Pattern.compile("\\{[^{}]*\\}");

    /** One stored connect; a phase it did not report is -1. */
    record Connect(long boot, long number, long wifi, long mqtt, long session, long firstPublish, String reason) {
    }

    private StoredConnects() {
    }

    /** @throws IOException naming what failed and how to fix it */
    static List<Connect> fetch(String baseUrl, String potId, String token) throws IOException {
        return parse(StoredWakes.get(StoredWakes.potUrl(baseUrl, potId) + "/connects?from=0&to="
                + (System.currentTimeMillis() + 60_000) + "&limit=100000", token));
    }

    static List<Connect> parse(String json) {
        List<Connect> out = new ArrayList<>();
        Matcher m = OBJECT.matcher(json);
        while (m.find()) {
            Map<String, String> c = StoredWakes.fields(m.group());
            out.add(new Connect(number(c, "boot"), number(c, "connect"), number(c, "wifi_ms"), number(c, "mqtt_ms"),
                    number(c, "session_ms"), number(c, "first_publish_ms"), c.get("reason")));
        }
        return out;
    }

    private static long number(Map<String, String> c, String field) {
        String v = c.get(field);
        return v == null || !v.matches("-?[0-9]+") ? -1 : Long.parseLong(v);
    }

    /** The table: each phase over the connects that reported it, then why the pot reconnected, most frequent first. */
    static String table(BoardReport.Origin origin, List<Connect> connects, String source) {
        String how = origin == BoardReport.Origin.SIMULATED ? "simulated pot, real broker (loopback)"
                : origin == BoardReport.Origin.BOARD ? "measured on the board" : "origin unknown";
        StringBuilder t = new StringBuilder();
        t.append("An always-on pot, ").append(origin.words).append(", ").append(source).append(": ").append(connects.size())
                .append(" connects, ").append(connects.stream().filter(c -> c.number() > 1).count())
                .append(" of them reconnects.\n\n");
        t.append("| phase of a connect | connects | ").append(how).append(": median / max ms |\n");
        t.append("| --- | --- | --- |\n");
        row(t, "WiFi join (when it had to join)", connects, Connect::wifi);
        row(t, "MQTT connect (CONNECT to CONNACK)", connects, Connect::mqtt);
        row(t, "session set-up", connects, Connect::session);
        row(t, "**from the connect's start to its first publish**", connects, Connect::firstPublish);
        Map<String, Integer> reasons = new TreeMap<>();
        for (Connect c : connects) {
            if (c.reason() != null) {
                reasons.merge(c.reason(), 1, Integer::sum);
            }
        }
        if (!reasons.isEmpty()) {
            t.append("\n| why it reconnected | times |\n| --- | --- |\n");
            reasons.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                    .forEach(e -> t.append("| ").append(e.getKey().replace("|", "/")).append(" | ").append(e.getValue()).append(" |\n"));
        }
        return t.toString();
    }

    private interface Phase {
        long of(Connect c);
    }

    private static void row(StringBuilder t, String name, List<Connect> connects, Phase phase) {
        List<Long> values = connects.stream().map(phase::of).filter(v -> v >= 0).toList();
        t.append("| ").append(name).append(" | ").append(values.size()).append(" | ")
                .append(values.isEmpty() ? "—" : BoardReport.median(values) + " / " + values.stream().mapToLong(Long::longValue).max()
                        .getAsLong()).append(" |\n");
    }
}
