package dev.smartpot.mothership.broker;

import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/** The MQTT client under the {@link BrokerLink}: {@link Mqtt3Link} (MQTT 3.1.1) or {@link Mqtt5Link} (MQTT 5). */
interface LinkClient extends AutoCloseable {

    /** Gets a message; may block (the client then stops reading). */
    @FunctionalInterface
    interface Receiver {
        /**
         * @param ack  acknowledges the message to the broker (call only after it is stored)
         * @param live false once the connection it came on is gone: stop waiting, the broker delivers it again
         */
        void received(String topic, byte[] payload, Runnable ack, BooleanSupplier live);
    }

    /** Starts connecting; returns at once (the link comes up, and comes back, by itself). */
    void start();

    /** QoS 1; completes when the broker acknowledged it. */
    CompletableFuture<Void> publish(String topic, byte[] payload, boolean retained);

    /** The transport is up (subscriptions aside). */
    boolean connected();

    /** A polite disconnect: the broker keeps the session. */
    @Override
    void close();
}
