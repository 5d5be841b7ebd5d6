package dev.smartpot.mothership.notify;

/**
 * An attempt to deliver an alert's notification ended: the dashboard redraws that alert's deliveries.
 *
 * @param status sent, or pending (to be tried again; also when it was just given up, the list says which)
 */
public record DeliveryNews(long alertId, String potId, String status) {
}
