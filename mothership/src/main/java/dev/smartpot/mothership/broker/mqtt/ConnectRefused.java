package dev.smartpot.mothership.broker.mqtt;

import java.io.IOException;

/** The broker answered CONNECT with a refusal (CONNACK return codes 1-5), in words a person understands. */
public final class ConnectRefused extends IOException {

    private static final long serialVersionUID = 1L;

    private final int code;

    public ConnectRefused(int code, String clientId) {
        super(words(code, clientId));
        this.code = code;
    }

    /** The CONNACK return code. */
    public int code() {
        return code;
    }

    /** Refused over the login (bad user name or password, or not authorised): the fix is the user name and password. */
    public boolean login() {
        return code == 4 || code == 5;
    }

    private static String words(int code, String clientId) {
        switch (code) {
            case 1:
                return "refused by the broker: it does not speak MQTT 3.1.1 (CONNACK 1, unacceptable protocol version)";
            case 2:
                return "refused by the broker: it does not accept the client id \"" + clientId + "\" (CONNACK 2, identifier"
                        + " rejected); give the mothership another --client-id";
            case 3:
                return "refused by the broker: the MQTT service is unavailable (CONNACK 3, server unavailable)";
            case 4:
                return "refused by the broker: bad user name or password (CONNACK 4)";
            case 5:
                return "refused by the broker: not authorised (CONNACK 5)";
            default:
                return "refused by the broker with the unknown CONNACK return code " + code;
        }
    }
}
