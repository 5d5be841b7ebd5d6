package dev.smartpot.mothership.notify;

import java.util.List;

/** What the dashboard and the API may do with notifications. Targets are only ever shown masked. */
public interface Notifications {

    List<TargetView> targets();

    /** Checks and stores a target (it may hold secrets: it is never shown back whole). */
    TargetView addTarget(String url, String by);

    /** Removes a target added on the dashboard. */
    void removeTarget(String key, String by);

    /** Sends a test message to a target now, outside the outbox; the error in words, or null when it arrived. */
    String test(String key);

    /** The deliveries of one alert (alertId > 0) or the newest of all, newest first. */
    List<Delivery> deliveries(long alertId, int limit);
}
