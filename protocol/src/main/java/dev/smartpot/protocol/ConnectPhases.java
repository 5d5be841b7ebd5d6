package dev.smartpot.protocol;

/**
 * What one connect of an always-on pot took, phase by phase on the pot's own clock, sent retained on its own topic
 * ({@link WireTopics#connect}) so the status topic keeps the tutorial's plain words. The boot, reset and link phases
 * are the {@link PhaseRecord}'s. {@code {"boot":3,"connect":2,"reset":"power-on","boot_ms":412,"wifi_ms":1710,
 * "mqtt_ms":35,"session_ms":8,"first_publish_ms":1753,"up_ms":3600000,"reason":"connection lost: ..."}}.
 */
public final class ConnectPhases extends PhaseRecord {

    /** Which connect of this boot, from 1: with the boot, the record's identity. */
    public static final String CONNECT = "connect";
    /** The session set-up after the CONNACK (subscribing, online, about, discovery), ms. */
    public static final String SESSION_MS = "session_ms";
    /** From the start of this connect (the WiFi join, or the MQTT connect) to this record, the first publish after the
     * session set-up, ms. */
    public static final String FIRST_PUBLISH_MS = "first_publish_ms";
    /** The pot's uptime at this record, ms. */
    public static final String UP_MS = "up_ms";
    /** Why the link before this one went down; left out on a boot's first connect. */
    public static final String REASON = "reason";

    public long connect = UNKNOWN;
    public long sessionMillis = UNKNOWN;
    public long firstPublishMillis = UNKNOWN;
    public long upMillis = UNKNOWN;
    /** Null on a boot's first connect. */
    public String reason;

    @Override
    public void clear() {
        super.clear();
        connect = UNKNOWN;
        sessionMillis = UNKNOWN;
        firstPublishMillis = UNKNOWN;
        upMillis = UNKNOWN;
        reason = null;
    }

    /** The boot and the connect's number in it (from 1). */
    @Override
    public boolean identified() {
        return boot != UNKNOWN && connect >= 1;
    }

    @Override
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

    /** The record in a connect payload; never throws, a phase that is not a whole number >= 0 is unknown. */
    static ConnectPhases read(JsonMembers node) {
        ConnectPhases p = new ConnectPhases();
        p.readShared(node);
        p.connect = whole(node, CONNECT);
        p.sessionMillis = whole(node, SESSION_MS);
        p.firstPublishMillis = whole(node, FIRST_PUBLISH_MS);
        p.upMillis = whole(node, UP_MS);
        p.reason = text(node, REASON);
        return p;
    }
}
