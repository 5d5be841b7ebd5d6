package dev.smartpot.device.mqtt;

/** Subscribing where the broker may say no (SUBACK 0x80) without that failing the whole connect. */
public final class Subscriptions {

    private Subscriptions() {
    }

    /**
     * Subscribes at QoS 1.
     *
     * @param key the config key that named the topic, for the message
     * @return the broker's refusal with the key, or null if granted
     */
    public static String subscribeUnlessRefused(MqttTransport mqtt, String topic, String key) throws MqttTransportException {
        try {
            mqtt.subscribe(topic, 1);
            return null;
        } catch (MqttTransportException e) {
            if (e.kind() != MqttTransportException.REFUSED) {
                throw e;
            }
            return e.getMessage() + " (" + key + ")";
        }
    }
}
