package dev.smartpot.mothership.api;

/**
 * A live change for the dashboard.
 *
 * @param type "reading", "pot" (state or status changed), "alert", "command", "watering", "delivery" (a notification
 *             of an alert was sent or failed); also "message" (a text or junk message arrived, potId null) and
 *             "health" (the store failed or recovered, potId null)
 * @param data the matching view record (ReadingView, PotView, AlertView, CommandView, WateringView,
 *             DeliveryNews, MessageView, Health)
 */
public record Event(String type, String potId, Object data) {
}
