package dev.smartpot.mothership.api;

/**
 * A live change for the dashboard.
 *
 * @param type "reading", "pot" (state or status changed), "alert", "command", "watering"
 * @param data the matching view record (ReadingView, PotView, AlertView, CommandView, WateringView)
 */
public record Event(String type, String potId, Object data) {
}
