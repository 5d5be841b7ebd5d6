package dev.smartpot.device.mqtt;

/**
 * What a broker's refusal means and how to fix it, for every transport: the MQTT 3.1.1 CONNACK return codes
 * 1-5 and the SUBACK failure 0x80. A transport maps its client library's code to these and throws what this
 * class builds, so a pot says the same thing on a board and on the desktop.
 */
public final class BrokerRefusals {

    /** SUBACK return code: the subscription was refused (usually the broker's ACL). */
    public static final int SUBACK_FAILURE = 0x80;

    public static final int UNACCEPTABLE_PROTOCOL_VERSION = 1;
    public static final int IDENTIFIER_REJECTED = 2;
    public static final int SERVER_UNAVAILABLE = 3;
    public static final int BAD_USER_NAME_OR_PASSWORD = 4;
    public static final int NOT_AUTHORIZED = 5;

    private static final String CHECK_LOGIN = "check mqtt.username and mqtt.password against the broker's password file";

    /** Meaning and fix of CONNACK codes 1 to 5, by code. */
    private static final String[][] CONNACK = {
        null,
        {"unacceptable protocol version", "use a broker that speaks MQTT 3.1.1"},
        {"client id rejected", "let the broker accept this pot's client id (its chip id: 12 hex digits)"},
        {"server unavailable", "the broker is up but takes no clients: see its log"},
        {"bad user name or password", CHECK_LOGIN},
        // Mosquitto answers a wrong password with this code too.
        {"not authorised", CHECK_LOGIN},
    };

    private BrokerRefusals() {
    }

    /** True for a CONNACK return code that refuses the connection (1 to 5). */
    public static boolean isConnackRefusal(int code) {
        return code >= UNACCEPTABLE_PROTOCOL_VERSION && code <= NOT_AUTHORIZED;
    }

    /** "refused by the broker: not authorised. Fix: ..." for CONNACK codes 1-5; a plain description for others. */
    public static String connackMessage(int code) {
        if (!isConnackRefusal(code)) {
            return "refused by the broker: CONNACK return code " + code;
        }
        return "refused by the broker: " + CONNACK[code][0] + ". Fix: " + CONNACK[code][1];
    }

    /** The refusal to throw for a CONNACK return code 1-5. */
    public static MqttTransportException connectRefused(int code) {
        return new MqttTransportException(MqttTransportException.REFUSED, connackMessage(code));
    }

    /** The refusal to throw for a SUBACK failure (0x80) on {@code topicFilter}. */
    public static MqttTransportException subscriptionRefused(String topicFilter) {
        return new MqttTransportException(MqttTransportException.REFUSED,
                "the broker refused the subscription to " + topicFilter + " (not authorised?)");
    }
}
