package dev.smartpot.mothership.store;

/** A store failure, with a message that names the database and the fix. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
