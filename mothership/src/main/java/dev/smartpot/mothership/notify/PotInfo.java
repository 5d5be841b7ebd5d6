package dev.smartpot.mothership.notify;

/** What a notification says of a pot beyond its id: its name and room (null when it has none). */
public record PotInfo(String name, String room) {

    public PotInfo {
        name = name == null || name.isBlank() ? null : name;
        room = room == null || room.isBlank() ? null : room;
    }
}
