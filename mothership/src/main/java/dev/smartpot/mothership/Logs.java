package dev.smartpot.mothership;

/** The person running the mothership wants its own lines and real warnings, not the libraries' INFO chatter. */
public final class Logs {

    private Logs() {
    }

    public static void quietLibraries() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
    }
}
