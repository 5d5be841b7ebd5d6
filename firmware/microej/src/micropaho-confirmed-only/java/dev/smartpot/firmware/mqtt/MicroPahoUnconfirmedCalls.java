package dev.smartpot.firmware.mqtt;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * The confirmed-only twin of {@code src/main/java/.../MicroPahoUnconfirmedCalls}, built with
 * {@code -PmicropahoConfirmedOnly=true} when MicroPaho lacks one of the members that file calls. It calls none of
 * them: no will, no UNSUBSCRIBE, MicroPaho's own QoS and retained defaults (Paho's: QoS 1, not retained), its own
 * session default (Paho's: clean). {@link MicroPahoMqttTransport} says so at start.
 */
final class MicroPahoUnconfirmedCalls {

    /** Whether these calls do anything: false here. A method, not a constant, so callers never inline it. */
    static boolean available() {
        return false;
    }

    private MicroPahoUnconfirmedCalls() {
    }

    static void cleanSession(MqttConnectOptions options, boolean clean) {
        // MicroPaho's default applies.
    }

    static boolean will(MqttConnectOptions options, String topic, byte[] payload, int qos, boolean retained) {
        return false;
    }

    /** Declares what the real call throws, so the caller compiles with either twin. */
    static boolean unsubscribe(MqttClient client, String topicFilter) throws MqttException {
        return false;
    }

    static boolean qosAndRetained(MqttMessage message, int qos, boolean retained) {
        return false;
    }
}
