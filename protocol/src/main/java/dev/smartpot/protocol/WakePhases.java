package dev.smartpot.protocol;

/**
 * What one wake of a battery pot (or one connect of an always-on pot) took, phase by phase on the pot's own clock, sent
 * inside its status ({@link StatusFields#WAKE}). Reused by the pot, so it allocates nothing; {@link #UNKNOWN} (-1) for
 * a phase that did not happen or that the board cannot tell, and such a phase is left out on the wire.
 */
public final class WakePhases {

    public static final long UNKNOWN = -1;

    /** The pot's boot counter (a reading's {@code boot}). */
    public static final String BOOT = "boot";
    /** The seq of the newest reading the pot had taken (a battery pot's wake takes one): with the boot, its identity. */
    public static final String SEQ = "seq";
    /** Why the chip started: {@link #RESET_DEEP_SLEEP}, {@link #RESET_POWER_ON}, {@link #RESET_RESTART}, or the board's word. */
    public static final String RESET = "reset";
    public static final String RESET_DEEP_SLEEP = "deep-sleep";
    public static final String RESET_POWER_ON = "power-on";
    public static final String RESET_RESTART = "restart";
    /** From the chip's start to the application's main, ms. */
    public static final String BOOT_MS = "boot_ms";
    /** true when {@link #BOOT_MS} is an assumption, not measured. */
    public static final String BOOT_MODELLED = "boot_modelled";
    /** Reading the sensor, ms. */
    public static final String READ_MS = "read_ms";
    /** Joining WiFi (scan, association, and the address unless {@link #ADDRESS_MS} says it apart), ms. */
    public static final String WIFI_MS = "wifi_ms";
    /** Getting the address (DHCP, or a fixed one), ms, when the board tells it apart from the join. */
    public static final String ADDRESS_MS = "address_ms";
    /** The MQTT connect with its session set-up, ms. */
    public static final String MQTT_MS = "mqtt_ms";
    /** Publishing the queued readings until the broker confirmed them, ms. */
    public static final String PUBLISH_MS = "publish_ms";
    /** How many readings that publish sent. */
    public static final String READINGS = "readings";
    /** Listening for commands after the publish, ms. */
    public static final String LISTEN_MS = "listen_ms";
    /** From the chip's start to the status, ms (with the boot, modelled or measured). */
    public static final String AWAKE_MS = "awake_ms";
    /** Exchanges with the broker this wake. */
    public static final String ROUND_TRIPS = "round_trips";

    public long boot = UNKNOWN;
    public long seq = UNKNOWN;
    /** Null when unknown; plain ASCII. */
    public String reset;
    public long bootMillis = UNKNOWN;
    public boolean bootModelled;
    public long readMillis = UNKNOWN;
    public long wifiMillis = UNKNOWN;
    public long addressMillis = UNKNOWN;
    public long mqttMillis = UNKNOWN;
    public long publishMillis = UNKNOWN;
    public long readings = UNKNOWN;
    public long listenMillis = UNKNOWN;
    public long awakeMillis = UNKNOWN;
    public long roundTrips = UNKNOWN;

    /** Forgets every phase, for the next wake or connect. */
    public void clear() {
        boot = UNKNOWN;
        seq = UNKNOWN;
        reset = null;
        bootMillis = UNKNOWN;
        bootModelled = false;
        readMillis = UNKNOWN;
        wifiMillis = UNKNOWN;
        addressMillis = UNKNOWN;
        mqttMillis = UNKNOWN;
        publishMillis = UNKNOWN;
        readings = UNKNOWN;
        listenMillis = UNKNOWN;
        awakeMillis = UNKNOWN;
        roundTrips = UNKNOWN;
    }

    /** Writes {@code {"boot":3,"seq":11,...}}, leaving out what is unknown; allocates nothing. */
    public void json(WireOut out) {
        out.append('{');
        boolean first = number(out, true, BOOT, boot);
        first = number(out, first, SEQ, seq);
        if (reset != null) {
            comma(out, first);
            ReadingEncoder.name(out, RESET).append('"').append(reset).append('"');
            first = false;
        }
        first = number(out, first, BOOT_MS, bootMillis);
        if (bootMillis != UNKNOWN) {
            out.append(',');
            ReadingEncoder.name(out, BOOT_MODELLED).append(bootModelled ? "true" : "false");
        }
        first = number(out, first, READ_MS, readMillis);
        first = number(out, first, WIFI_MS, wifiMillis);
        first = number(out, first, ADDRESS_MS, addressMillis);
        first = number(out, first, MQTT_MS, mqttMillis);
        first = number(out, first, PUBLISH_MS, publishMillis);
        first = number(out, first, READINGS, readings);
        first = number(out, first, LISTEN_MS, listenMillis);
        first = number(out, first, AWAKE_MS, awakeMillis);
        number(out, first, ROUND_TRIPS, roundTrips);
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

    private static void comma(WireOut out, boolean first) {
        if (!first) {
            out.append(',');
        }
    }

    /** The phases in a status's {@code wake} object; never throws, a phase that is not a whole number >= 0 is unknown. */
    static WakePhases read(JsonMembers node) {
        WakePhases p = new WakePhases();
        p.boot = whole(node, BOOT);
        p.seq = whole(node, SEQ);
        p.reset = node.kind(RESET) == JsonMembers.STRING ? PayloadDecoder.cutText(node.text(RESET)) : null;
        p.bootMillis = whole(node, BOOT_MS);
        p.bootModelled = node.kind(BOOT_MODELLED) == JsonMembers.BOOLEAN && "true".equals(node.text(BOOT_MODELLED));
        p.readMillis = whole(node, READ_MS);
        p.wifiMillis = whole(node, WIFI_MS);
        p.addressMillis = whole(node, ADDRESS_MS);
        p.mqttMillis = whole(node, MQTT_MS);
        p.publishMillis = whole(node, PUBLISH_MS);
        p.readings = whole(node, READINGS);
        p.listenMillis = whole(node, LISTEN_MS);
        p.awakeMillis = whole(node, AWAKE_MS);
        p.roundTrips = whole(node, ROUND_TRIPS);
        return p;
    }

    private static long whole(JsonMembers node, String field) {
        Long v = node.whole(field);
        return v == null || v.longValue() < 0 ? UNKNOWN : v.longValue();
    }
}
