package dev.smartpot.device.mqtt;

/**
 * Events a transport reports from its own threads. Implementations must return quickly and never
 * call back into the transport: the core only queues the event and wakes its loop.
 */
public interface MqttListener {

    void messageArrived(String topic, byte[] payload);

    /**
     * A message the broker kept (retained) and hands to every new subscriber. A transport that cannot
     * tell may report every message through {@link #messageArrived}.
     */
    void retainedMessageArrived(String topic, byte[] payload);

    void connectionLost(String cause);
}
