package dev.smartpot.device.mqtt;

/** Takes the inbox's messages that are its business, on the loop's thread. */
public interface MessageHandler {

    /**
     * @param body the payload, or null when it was too large to keep (then only {@code size} is known)
     * @return true if the message was this handler's: the next handlers do not see it
     */
    boolean handle(long now, String topic, byte[] body, int size, boolean retained);

    /**
     * Asked before a message is logged: why a message on {@code topic} that reached this pot is not for it
     * (e.g. "for pot 0123456789ab" under a wildcard subscription), or null. A reason makes the inbox log the
     * message as ignored and offer it to no handler.
     */
    String ignores(String topic);
}
