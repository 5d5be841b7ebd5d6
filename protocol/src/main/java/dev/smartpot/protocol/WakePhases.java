package dev.smartpot.protocol;

/**
 * What one wake of a battery pot took, phase by phase on the pot's own clock, sent inside its status
 * ({@link StatusFields#WAKE}). The boot, reset and link phases are the {@link PhaseRecord}'s.
 */
public final class WakePhases extends PhaseRecord {

    /** The seq of the newest reading the pot had taken (a battery pot's wake takes one): with the boot, its identity. */
    public static final String SEQ = "seq";
    /** true when {@link #BOOT_MS} is an assumption, not measured. */
    public static final String BOOT_MODELLED = "boot_modelled";
    /** Reading the sensor, ms. */
    public static final String READ_MS = "read_ms";
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

    public long seq = UNKNOWN;
    public boolean bootModelled;
    public long readMillis = UNKNOWN;
    public long publishMillis = UNKNOWN;
    public long readings = UNKNOWN;
    public long listenMillis = UNKNOWN;
    public long awakeMillis = UNKNOWN;
    public long roundTrips = UNKNOWN;

    @Override
    public void clear() {
        super.clear();
        seq = UNKNOWN;
        bootModelled = false;
        readMillis = UNKNOWN;
        publishMillis = UNKNOWN;
        readings = UNKNOWN;
        listenMillis = UNKNOWN;
        awakeMillis = UNKNOWN;
        roundTrips = UNKNOWN;
    }

    /** The boot and the seq of the wake's reading. */
    @Override
    public boolean identified() {
        return boot != UNKNOWN && seq != UNKNOWN;
    }

    /** Writes {@code {"boot":3,"seq":11,...}}, leaving out what is unknown; allocates nothing. */
    @Override
    public void json(WireOut out) {
        out.append('{');
        boolean first = number(out, true, BOOT, boot);
        first = number(out, first, SEQ, seq);
        first = text(out, first, RESET, reset);
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

    /** The phases in a status's {@code wake} object; never throws, a phase that is not a whole number >= 0 is unknown. */
    static WakePhases read(JsonMembers node) {
        WakePhases p = new WakePhases();
        p.readShared(node);
        p.seq = whole(node, SEQ);
        p.bootModelled = node.kind(BOOT_MODELLED) == JsonMembers.BOOLEAN && "true".equals(node.text(BOOT_MODELLED));
        p.readMillis = whole(node, READ_MS);
        p.publishMillis = whole(node, PUBLISH_MS);
        p.readings = whole(node, READINGS);
        p.listenMillis = whole(node, LISTEN_MS);
        p.awakeMillis = whole(node, AWAKE_MS);
        p.roundTrips = whole(node, ROUND_TRIPS);
        return p;
    }
}
