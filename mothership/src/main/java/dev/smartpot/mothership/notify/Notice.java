package dev.smartpot.mothership.notify;

import java.time.Instant;

/**
 * One alert as a notification tells it: the pot by name and room as well as by id, and a link to its page.
 *
 * @param delivery the outbox row's id: a receiver that sees one twice (a crash between its answer and our
 *                 note of it) can drop the second
 */
public record Notice(long delivery, long alertId, String potId, String potName, String room, String kind, String message,
                     Instant raisedAt, Instant closedAt, String link) {

    /** "Basil (Kitchen)", or the id when the pot has no name. */
    public String potLabel() {
        String name = potName == null || potName.isBlank() ? potId : potName;
        return room == null || room.isBlank() ? name : name + " (" + room + ")";
    }
}
