package dev.smartpot.device.mqtt;

import dev.smartpot.protocol.WireTopics;

/** MQTT topic helpers: the {@code {id}} placeholder and matching a topic against a subscription filter. */
public final class Topics {

    private Topics() {
    }

    /** The template with every {@code {id}} replaced by the client id. */
    public static String withClientId(String template, String clientId) {
        return WireTopics.fill(template, clientId);
    }

    /** True if a message published to {@code topic} is delivered to a subscription to {@code filter} (MQTT 3.1.1, 4.7). */
    public static boolean matches(String filter, String topic) {
        int f = 0;
        int t = 0;
        // Topics starting with '$' are the broker's own: wildcards at the first level never match them.
        if (topic.startsWith("$") && (filter.startsWith("+") || filter.startsWith("#"))) {
            return false;
        }
        while (true) {
            int fEnd = levelEnd(filter, f);
            String fLevel = filter.substring(f, fEnd);
            if (fLevel.equals("#")) {
                return true;
            }
            if (t > topic.length()) {
                return false;
            }
            int tEnd = levelEnd(topic, t);
            if (!fLevel.equals("+") && !fLevel.equals(topic.substring(t, tEnd))) {
                return false;
            }
            boolean filterDone = fEnd == filter.length();
            boolean topicDone = tEnd == topic.length();
            if (filterDone || topicDone) {
                // "a/#" also matches "a": the filter's next level may be a lone '#'.
                return filterDone && topicDone || (topicDone && filter.substring(fEnd).equals("/#"));
            }
            f = fEnd + 1;
            t = tEnd + 1;
        }
    }

    private static int levelEnd(String s, int from) {
        int slash = s.indexOf('/', from);
        return slash < 0 ? s.length() : slash;
    }
}
