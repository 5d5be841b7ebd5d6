package dev.smartpot.device.mqtt;

/**
 * The core's only view of an MQTT 3.1.1 client. All calls come from the device loop's thread and
 * block until done or failed; the transport reports arrivals and a lost link to its listener.
 * Wills and retained status messages are sent at QoS 1.
 */
public interface MqttTransport {

    /** CONNACK said no session was present: a clean one, or the broker had none (first connect, a restart without persistence). */
    int SESSION_NEW = 0;
    /** CONNACK's session-present flag was set: the broker resumed this client's persistent session, subscriptions included. */
    int SESSION_PRESENT = 1;
    /** The client library does not tell: treat the session as new (subscribe again). */
    int SESSION_UNKNOWN = 2;
    /** The ack of a message there is nothing to acknowledge for: QoS 0, or a library that acknowledged it on arrival. */
    int NO_ACK = 0;

    void setListener(MqttListener listener);

    /**
     * Opens a session (clean unless {@link ConnectSettings#cleanSession} says otherwise) to {@code serverUri}
     * ({@code tcp://host:port} or {@code ssl://host:port}).
     *
     * @return {@link #SESSION_NEW}, {@link #SESSION_PRESENT} or {@link #SESSION_UNKNOWN}: what CONNACK said
     */
    int connect(String serverUri, String clientId, ConnectSettings settings) throws MqttTransportException;

    void subscribe(String topicFilter, int qos) throws MqttTransportException;

    /** Ends a subscription made with {@link #subscribe}; returns once the broker acknowledged it. */
    void unsubscribe(String topicFilter) throws MqttTransportException;

    /** Publishes {@code length} bytes of {@code payload}; for QoS 1 returns once the broker acknowledged. */
    void publish(String topic, byte[] payload, int length, int qos, boolean retained) throws MqttTransportException;

    /**
     * Tells the broker the core is done with a message it kept ({@link MqttListener#messageArrived} returned true): the
     * PUBACK of a QoS 1 message goes only now. A message never acknowledged before its session ends is the broker's
     * again, and comes back at the next connect of a persistent session. Ignores {@link #NO_ACK} and an ack from an
     * earlier connection (its id may name another message now); never throws, never waits for the broker.
     */
    void acknowledge(int ack);

    /**
     * Closes the session politely if possible, or drops it; never throws. What was acknowledged before reaches the
     * broker ahead of the next connect, or the broker would send that message again.
     */
    void disconnect();

    boolean isConnected();
}
