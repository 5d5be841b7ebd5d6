package dev.smartpot.simulator.mqtt;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

import dev.smartpot.device.mqtt.MqttListener;
import dev.smartpot.device.mqtt.MqttTransport;

/**
 * Paho's manual acknowledgements ({@code setManualAcks(true)}) for the core: a QoS 1 message's PUBACK goes when the
 * core handled it, so one still unhandled when the session ends is re-sent by the broker at the next persistent
 * session. An ack is the message id with the connection it came from (an id is unique within one connection only).
 */
final class PahoAcks {

    private PahoAcks() {
    }

    /** The connection number after {@code previous}: 15 bits, never 0, so no ack is {@link MqttTransport#NO_ACK}. */
    static int next(int previous) {
        return previous % 0x7fff + 1;
    }

    /** Hands {@code message} to {@code listener}; acknowledges it at once unless the core kept its ack to send later. */
    static void deliver(MqttListener listener, MqttClient client, int connection, String topic, MqttMessage message) {
        // QoS 0 needs no ack; a QoS 2 message is completed here, as Paho would (the pot subscribes at QoS 1 at most).
        int ack = message.getQos() == 1 ? connection << 16 | message.getId() & 0xffff : MqttTransport.NO_ACK;
        boolean kept = listener != null && (message.isRetained() ? listener.retainedMessageArrived(topic, message.getPayload(), ack)
                : listener.messageArrived(topic, message.getPayload(), ack));
        if (message.getQos() > 0 && (!kept || ack == MqttTransport.NO_ACK)) {
            complete(client, message.getId(), message.getQos());
        }
    }

    /** Acknowledges {@code ack} on {@code client} if it came from {@code connection}, the client's; ignores any other. */
    static void acknowledge(MqttClient client, int connection, int ack) {
        if (ack != MqttTransport.NO_ACK && client != null && ack >>> 16 == connection) {
            complete(client, ack & 0xffff, 1);
        }
    }

    private static void complete(MqttClient client, int id, int qos) {
        try {
            client.messageArrivedComplete(id, qos);
        } catch (MqttException | RuntimeException gone) {
            // The link dropped meanwhile: the broker re-sends the message with the next persistent session.
        }
    }
}
