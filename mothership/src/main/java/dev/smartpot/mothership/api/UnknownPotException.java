package dev.smartpot.mothership.api;

/** No pot with this id has ever been seen. */
public final class UnknownPotException extends RuntimeException {
    public UnknownPotException(String potId) {
        super("no pot \"" + potId + "\" has been seen; expected the id of a pot in GET /api/pots");
    }
}
