package dev.smartpot.mothership.notify;

/** What a notification says of a pot beyond its id: its name and room (either may be null). */
public record PotInfo(String name, String room) {
}
