package dev.smartpot.device.mqtt;

/**
 * Events a transport reports from its own threads. Implementations must return quickly and never
 * call back into the transport: the core only queues the event and wakes its loop.
 *
 * <p>A message comes with its {@code ack}: {@link MqttTransport#NO_ACK}, or the transport's handle for the broker's
 * acknowledgement, which it then holds back until the core calls {@link MqttTransport#acknowledge} (a message kept
 * but not handled when the session ends is the broker's again, never lost).
 */
public interface MqttListener {

    /**
     * @return true if the listener kept the message and passes {@code ack} to {@link MqttTransport#acknowledge} once
     *         it handled it; false if it let go of it (the transport acknowledges it at once)
     */
    boolean messageArrived(String topic, byte[] payload, int ack);

    /**
     * A message the broker kept (retained) and hands to every new subscriber. A transport that cannot
     * tell may report every message through {@link #messageArrived}. Returns as {@link #messageArrived}.
     */
    boolean retainedMessageArrived(String topic, byte[] payload, int ack);

    void connectionLost(String cause);
}
