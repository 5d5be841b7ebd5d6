package dev.smartpot.device.mqtt;

/** Takes messages that are the pot's own publications coming back, before they reach the inbox. */
public interface EchoFilter {

    /** From a transport thread: true if the message is an echo and consumed here (it is not a command). */
    boolean offer(String topic, byte[] payload);
}
