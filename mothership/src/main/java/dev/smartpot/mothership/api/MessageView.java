package dev.smartpot.mothership.api;

import java.time.Instant;

/** A message that is not a reading: the tutorial's text, or junk (kept, counted, never a crash). */
public record MessageView(long id, String topic, String text, boolean junk, String problem, Instant receivedAt) {
}
