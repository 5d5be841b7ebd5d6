package dev.smartpot.protocol;

/**
 * What one connect of an always-on pot took, phase by phase on the pot's own clock, sent retained on its own topic
 * ({@link WireTopics#connect}) so the status topic keeps the tutorial's plain words. Reused by the pot, so encoding
 * allocates nothing; {@link #UNKNOWN} (-1) for what did not happen or the board cannot tell, left out on the wire.
 * {@code {"boot":3,"connect":2,"reset":"power-on","boot_ms":412,"wifi_ms":1710,"mqtt_ms":35,"session_ms":8,
 * "first_publish_ms":1753,"up_ms":3600000,"reason":"connection lost: ..."}}.
 */
public final class ConnectPhases {

    public static final long UNKNOWN = -1;
    /** The longest reason kept on the wire, in characters. */
    public static final int MAX_REASON_CHARS = 120;

    /** The pot's boot counter (a reading's {@code boot}). */
    public static final String BOOT = WakePhases.BOOT;
    /** Which connect of this boot, from 1: with the boot, the record's identity. */
    public static final String CONNECT = "connect";
    /** Why the chip started ({@link WakePhases#RESET}'s words). */
    public static final String RESET = WakePhases.RESET;
    /** From the chip's start to the application's main, ms, when the board measured it. */
    public static final String BOOT_MS = WakePhases.BOOT_MS;
    /** Joining WiFi, ms; left out when WiFi was still up (only the broker link broke). */
    public static final String WIFI_MS = WakePhases.WIFI_MS;
    /** Getting the address, ms, when the board tells it apart from the join. */
    public static final String ADDRESS_MS = WakePhases.ADDRESS_MS;
    /** The MQTT CONNECT until the broker's CONNACK, ms. */
    public static final String MQTT_MS = WakePhases.MQTT_MS;
    /** The session set-up after the CONNACK (subscribing, online, about, discovery), ms. */
    public static final String SESSION_MS = "session_ms";
    /** From the start of this connect (the WiFi join, or the MQTT connect) to this record, the first publish after the
     * session set-up, ms. */
    public static final String FIRST_PUBLISH_MS = "first_publish_ms";
    /** The pot's uptime at this record, ms. */
    public static final String UP_MS = "up_ms";
    /** Why the link before this one went down; left out on a boot's first connect. */
    public static final String REASON = "reason";

    public long boot = UNKNOWN;
    public long connect = UNKNOWN;
    /** Null when unknown; plain ASCII. */
    public String reset;
    public long bootMillis = UNKNOWN;
    public long wifiMillis = UNKNOWN;
    public long addressMillis = UNKNOWN;
    public long mqttMillis = UNKNOWN;
    public long sessionMillis = UNKNOWN;
    public long firstPublishMillis = UNKNOWN;
    public long upMillis = UNKNOWN;
    /** Null on a boot's first connect. */
    public String reason;

    /** Forgets every phase, for the next connect. */
    public void clear() {
        boot = UNKNOWN;
        connect = UNKNOWN;
        reset = null;
        bootMillis = UNKNOWN;
        wifiMillis = UNKNOWN;
        addressMillis = UNKNOWN;
        mqttMillis = UNKNOWN;
        sessionMillis = UNKNOWN;
        firstPublishMillis = UNKNOWN;
        upMillis = UNKNOWN;
        reason = null;
    }

    /** Writes the record's JSON, leaving out what is unknown; allocates nothing. */
    public void json(WireOut out) {
        out.append('{');
        boolean first = number(out, true, BOOT, boot);
        first = number(out, first, CONNECT, connect);
        first = text(out, first, RESET, reset);
        first = number(out, first, BOOT_MS, bootMillis);
        first = number(out, first, WIFI_MS, wifiMillis);
        first = number(out, first, ADDRESS_MS, addressMillis);
        first = number(out, first, MQTT_MS, mqttMillis);
        first = number(out, first, SESSION_MS, sessionMillis);
        first = number(out, first, FIRST_PUBLISH_MS, firstPublishMillis);
        first = number(out, first, UP_MS, upMillis);
        text(out, first, REASON, reason);
        out.append('}');
    }

    private static boolean number(WireOut out, boolean first, String field, long value) {
        if (value == UNKNOWN) {
            return first;
        }
        comma(out, first);
        ReadingEncoder.name(out, field).append(value);
        return false;
    }

    /** A string value as JSON: quotes and backslashes escaped, control and non-ASCII characters as '?', cut short. */
    private static boolean text(WireOut out, boolean first, String field, String value) {
        if (value == null) {
            return first;
        }
        comma(out, first);
        ReadingEncoder.name(out, field).append('"');
        int n = Math.min(value.length(), MAX_REASON_CHARS);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else {
                out.append(c < 0x20 || c > 0x7e ? '?' : c);
            }
        }
        out.append('"');
        return false;
    }

    private static void comma(WireOut out, boolean first) {
        if (!first) {
            out.append(',');
        }
    }

    /** The record in a connect payload; never throws, a phase that is not a whole number >= 0 is unknown. */
    static ConnectPhases read(JsonMembers node) {
        ConnectPhases p = new ConnectPhases();
        p.boot = whole(node, BOOT);
        p.connect = whole(node, CONNECT);
        p.reset = text(node, RESET);
        p.bootMillis = whole(node, BOOT_MS);
        p.wifiMillis = whole(node, WIFI_MS);
        p.addressMillis = whole(node, ADDRESS_MS);
        p.mqttMillis = whole(node, MQTT_MS);
        p.sessionMillis = whole(node, SESSION_MS);
        p.firstPublishMillis = whole(node, FIRST_PUBLISH_MS);
        p.upMillis = whole(node, UP_MS);
        p.reason = text(node, REASON);
        return p;
    }

    private static String text(JsonMembers node, String field) {
        return node.kind(field) == JsonMembers.STRING ? PayloadDecoder.cutText(node.text(field)) : null;
    }

    private static long whole(JsonMembers node, String field) {
        Long v = node.whole(field);
        return v == null || v.longValue() < 0 ? UNKNOWN : v.longValue();
    }
}
