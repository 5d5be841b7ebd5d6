package dev.smartpot.mothership.api;

/** What a pot's plant needs, as a person reads it. A pot that is not talking is never OK. */
public enum PlantState {
    /** No reading yet. */
    UNKNOWN,
    OK,
    DRY,
    WET,
    /**
     * No reading for 3 intervals although the pot did not say it went offline, or, for a pot in deep sleep, its
     * announced wake and grace passed with nothing heard. (A pot asleep on purpose keeps its plant's state and says
     * so in the reason and {@code asleep_until}: there is no ASLEEP state.)
     */
    STALE,
    /** Its retained status (or last will) says offline. */
    OFFLINE,
    /** The sensor reported a fault: the moisture cannot be trusted. */
    FAULT
}
