package dev.smartpot.protocol;

/**
 * What a battery pot's wake ({@link WakePhases}) and an always-on pot's connect ({@link ConnectPhases}) share: the boot
 * the record belongs to, why the chip started, and the phases of bringing the link up, on the pot's own clock. Reused
 * by the pot, so writing one allocates nothing; {@link #UNKNOWN} (-1) for a phase that did not happen or that the
 * board cannot tell, left out on the wire. Each record writes its members in its own order (the golden messages'
 * bytes) with the helpers here.
 */
public abstract class PhaseRecord {

    public static final long UNKNOWN = -1;
    /** The longest text (a reset word, a connect's reason) kept on the wire, in characters. */
    public static final int MAX_TEXT_CHARS = 120;

    /** The pot's boot counter (a reading's {@code boot}). */
    public static final String BOOT = "boot";
    /** Why the chip started: {@link #RESET_DEEP_SLEEP}, {@link #RESET_POWER_ON}, {@link #RESET_RESTART}, or the board's word. */
    public static final String RESET = "reset";
    public static final String RESET_DEEP_SLEEP = "deep-sleep";
    public static final String RESET_POWER_ON = "power-on";
    public static final String RESET_RESTART = "restart";
    /** From the chip's start to the application's main, ms, when the board measured it. */
    public static final String BOOT_MS = "boot_ms";
    /**
     * Joining WiFi (scan, association, and the address unless {@link #ADDRESS_MS} says it apart), ms; a connect leaves
     * it out when WiFi was still up (only the broker link broke).
     */
    public static final String WIFI_MS = "wifi_ms";
    /** Getting the address (DHCP, or a fixed one), ms, when the board tells it apart from the join. */
    public static final String ADDRESS_MS = "address_ms";
    /**
     * The MQTT connect, ms: a wake's with its session set-up, a connect's until the broker's CONNACK (its set-up is
     * {@link ConnectPhases#SESSION_MS}).
     */
    public static final String MQTT_MS = "mqtt_ms";

    public long boot = UNKNOWN;
    /** Null when unknown; plain ASCII. */
    public String reset;
    public long bootMillis = UNKNOWN;
    public long wifiMillis = UNKNOWN;
    public long addressMillis = UNKNOWN;
    public long mqttMillis = UNKNOWN;

    /** Only this package's records. */
    PhaseRecord() {
    }

    /** Forgets every phase, for the next record. */
    public void clear() {
        boot = UNKNOWN;
        reset = null;
        bootMillis = UNKNOWN;
        wifiMillis = UNKNOWN;
        addressMillis = UNKNOWN;
        mqttMillis = UNKNOWN;
    }

    /**
     * True when the record names its boot and its number in that boot: its identity, so a copy the broker sends again
     * is known as the same record.
     */
    public abstract boolean identified();

    /** Writes the record's JSON object, leaving out what is unknown; allocates nothing. */
    public abstract void json(WireOut out);

    /** Reads the shared members of a record; never throws, a phase that is not a whole number >= 0 is unknown. */
    final void readShared(JsonMembers node) {
        boot = whole(node, BOOT);
        reset = text(node, RESET);
        bootMillis = whole(node, BOOT_MS);
        wifiMillis = whole(node, WIFI_MS);
        addressMillis = whole(node, ADDRESS_MS);
        mqttMillis = whole(node, MQTT_MS);
    }

    /** Writes {@code "field":value} unless the value is unknown; answers whether the object is still empty. */
    static boolean number(WireOut out, boolean first, String field, long value) {
        if (value == UNKNOWN) {
            return first;
        }
        comma(out, first);
        ReadingEncoder.name(out, field).append(value);
        return false;
    }

    /**
     * Writes {@code "field":"value"} unless the value is null: quotes and backslashes escaped, control and non-ASCII
     * characters as '?', cut to {@link #MAX_TEXT_CHARS}; answers whether the object is still empty.
     */
    static boolean text(WireOut out, boolean first, String field, String value) {
        if (value == null) {
            return first;
        }
        comma(out, first);
        ReadingEncoder.name(out, field).append('"');
        int n = Math.min(value.length(), MAX_TEXT_CHARS);
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

    static void comma(WireOut out, boolean first) {
        if (!first) {
            out.append(',');
        }
    }

    static String text(JsonMembers node, String field) {
        return node.kind(field) == JsonMembers.STRING ? PayloadDecoder.cutText(node.text(field)) : null;
    }

    static long whole(JsonMembers node, String field) {
        Long v = node.whole(field);
        return v == null || v.longValue() < 0 ? UNKNOWN : v.longValue();
    }
}
