package dev.smartpot.mothership.broker.mqtt;

import java.io.IOException;

/** The broker sent something MQTT 3.1.1 does not allow (a malformed or unexpected packet): the client closes the link. */
public final class ProtocolViolation extends IOException {

    private static final long serialVersionUID = 1L;

    public ProtocolViolation(String what) {
        super("the broker broke the MQTT 3.1.1 protocol: " + what);
    }
}
