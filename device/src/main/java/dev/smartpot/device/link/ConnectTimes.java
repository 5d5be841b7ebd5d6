package dev.smartpot.device.link;

/**
 * What the link's latest connect took, on the board's clock, for the always-on pot's connect record: when it began
 * (the WiFi join, or the MQTT connect when WiFi was still up), the join, the broker's CONNACK, and why the link before
 * it went down. Written by {@link LinkSupervisor}, read by the session step that reports it.
 */
public final class ConnectTimes {

    private long startedAt = -1;
    private long joinMillis = -1;
    private long connackAt = -1;
    private long mqttMillis = -1;
    private int connects;
    private String downReason;
    private String previousDownReason;

    /** A connect attempt begins at {@code uptime}; {@code joined} ms of WiFi join came first, -1 when WiFi was up. */
    void attempt(long startedAt, long joinMillis) {
        this.startedAt = startedAt;
        this.joinMillis = joinMillis;
    }

    /** The broker accepted: CONNACK at {@code uptime}, the CONNECT took {@code mqttMillis}. */
    void accepted(long connackAt, long mqttMillis) {
        this.connackAt = connackAt;
        this.mqttMillis = mqttMillis;
        connects++;
        previousDownReason = downReason;
        downReason = null;
    }

    /** The link that was up went down, for this reason (kept for the next connect's record). */
    void down(String reason) {
        if (downReason == null) {
            downReason = reason;
        }
    }

    /** Uptime when this connect began. */
    public long startedAt() {
        return startedAt;
    }

    /** The WiFi join of this connect, ms; -1 when WiFi stayed up. */
    public long joinMillis() {
        return joinMillis;
    }

    /** Uptime at the broker's CONNACK. */
    public long connackAt() {
        return connackAt;
    }

    public long mqttMillis() {
        return mqttMillis;
    }

    /** Connects accepted this boot, this one included. */
    public int connects() {
        return connects;
    }

    /** Why the link before this one went down; null for a boot's first connect. */
    public String reason() {
        return previousDownReason;
    }
}
