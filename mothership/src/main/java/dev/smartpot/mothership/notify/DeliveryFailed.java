package dev.smartpot.mothership.notify;

/**
 * A receiver did not take a notification: refused it, could not be reached, or did not answer in time. Tried
 * again with backoff until the give-up bound (a refusal such as a wrong password may be fixed meanwhile).
 */
public final class DeliveryFailed extends Exception {

    public DeliveryFailed(String message) {
        super(message);
    }
}
