package dev.smartpot.device.mqtt;

import java.io.IOException;

/** A failed MQTT operation, classified so the supervisor can react and log once per kind. */
public class MqttTransportException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The broker could not be reached or the link broke (retry, maybe another broker). */
    public static final int UNREACHABLE = 1;
    /** The broker answered but refused the connection (bad credentials, not authorised, bad id). */
    public static final int REFUSED = 2;
    /** The transport is momentarily busy (too many publishes in flight); retry later, the link is fine. */
    public static final int BUSY = 3;
    /** Anything else. */
    public static final int OTHER = 4;

    private final int kind;

    public MqttTransportException(int kind, String message) {
        super(message);
        this.kind = kind;
    }

    public int kind() {
        return kind;
    }
}
