package dev.smartpot.firmware.mqtt;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * The only place the firmware calls MicroPaho members that no project built on {@code ej.library.iot:micropaho}
 * shows: {@code setCleanSession}, {@code setWill}, {@code unsubscribe}, {@code MqttMessage.setQos/setRetained}.
 * They are Eclipse Paho's API and MicroEJ's earlier Paho port has them (MicroEJ/paho, mqttv3-microej); whether
 * MicroPaho 1.0.0 kept them is unconfirmed (docs/esp32.md, "MicroPaho").
 *
 * <p>If the first SDK build fails in this file, build with {@code -PmicropahoConfirmedOnly=true}: it swaps in the
 * twin in {@code src/micropaho-confirmed-only/java}, which calls none of them and says at start what the pot then
 * does without. CI checks that no other class calls an unconfirmed member ({@code MicroPahoApiTest}).
 */
final class MicroPahoUnconfirmedCalls {

    /** Whether these calls do anything: true here. A method, not a constant, so callers never inline it. */
    static boolean available() {
        return true;
    }

    private MicroPahoUnconfirmedCalls() {
    }

    static void cleanSession(MqttConnectOptions options, boolean clean) {
        options.setCleanSession(clean);
    }

    /** @return whether the will is set (always, here) */
    static boolean will(MqttConnectOptions options, String topic, byte[] payload, int qos, boolean retained) {
        options.setWill(topic, payload, qos, retained);
        return true;
    }

    /** @return whether the UNSUBSCRIBE was sent (always, here) */
    static boolean unsubscribe(MqttClient client, String topicFilter) throws MqttException {
        client.unsubscribe(topicFilter);
        return true;
    }

    /** @return whether the message carries {@code qos} and {@code retained} (always, here) */
    static boolean qosAndRetained(MqttMessage message, int qos, boolean retained) {
        message.setQos(qos);
        message.setRetained(retained);
        return true;
    }
}
