package dev.smartpot.mothership.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What the mothership offers its faces (the web server, the CLI, tests): everything the dashboard shows
 * and every action a person can take. The engine implements it; the web layer only translates HTTP.
 *
 * <p>Times are {@link Instant}s; moisture is percent (0-100) or null when the pot reported a fault.
 * Unknown pot ids give {@link UnknownPotException}; bad input gives {@link IllegalArgumentException}
 * whose message names the problem and its fix.
 */
public interface Mothership extends AutoCloseable {

    /** Every pot ever seen, sorted by room then name. */
    List<PotView> pots();

    Optional<PotView> pot(String potId);

    /** Raw readings in [from, to), oldest first; at most {@code limit} rows (the newest ones when cut). */
    List<ReadingView> readings(String potId, Instant from, Instant to, int limit);

    /**
     * Moisture over [from, to) for a chart, at the coarsest resolution that still gives at least
     * {@code maxPoints / 2} points (raw, 5-minute or hourly rollups), so a year charts as fast as an hour.
     */
    Series series(String potId, Instant from, Instant to, int maxPoints);

    /**
     * A battery pot's wakes, phase by phase as it reported them, received in [from, to), oldest first; at most
     * {@code limit} (the newest ones when cut). Empty for a pot that never reported one.
     */
    List<WakeView> wakes(String potId, Instant from, Instant to, int limit);

    /**
     * An always-on pot's connects, phase by phase as it recorded them, received in [from, to), oldest first; at most
     * {@code limit} (the newest ones).
     */
    List<ConnectView> connects(String potId, Instant from, Instant to, int limit);

    /** The tutorial's text messages ("Test to mothership #N") and other non-reading text, newest first. */
    List<MessageView> messages(int limit);

    /** Open alerts first, then the most recent closed ones; {@code includeClosed=false} gives only open ones. */
    List<AlertView> alerts(boolean includeClosed, int limit);

    /** One pot's alerts raised in [from, to), newest first, at most {@code limit} (the marks on its chart). */
    List<AlertView> potAlerts(String potId, Instant from, Instant to, int limit);

    /** A person saw the alert: it stays open while its cause lasts but is no longer shown as new. */
    AlertView acknowledgeAlert(long alertId, String by);

    /**
     * Sends a command text to one pot (its own topic) and completes with the reply matched to it, or
     * with status {@code no-reply} after the timeout. Never throws for a pot that does not answer.
     * Watering commands pass the safety interlocks first and complete as {@code refused} if one holds.
     */
    CompletableFuture<CommandView> sendCommand(String potId, String commandText, String by);

    /**
     * Waters one pot with {@code ml} millilitres (1 to the protocol's MAX_WATER_ML, else IllegalArgumentException
     * naming the limit), through the same interlocks as every watering.
     */
    CompletableFuture<CommandView> water(String potId, int ml, String by);

    /** Deletes a pot with its readings, logs and alerts; a pot that publishes again comes back as new. */
    void deletePot(String potId, String by);

    /** Commands sent to a pot (or to every pot when potId is null), newest first, with their replies. */
    List<CommandView> commandLog(String potId, int limit);

    /** Waterings (manual and automatic, done or refused), newest first; potId null = every pot. */
    List<WateringView> wateringLog(String potId, int limit);

    PotSettings settings(String potId);

    /** Validates and stores; the pot's state is re-evaluated at once. */
    PotSettings updateSettings(String potId, PotSettings settings);

    /** Presets per kind of plant, shipped with the app. */
    List<PlantPreset> presets();

    /** The one switch that stops (false) or allows (true) all automatic watering. */
    void setAutoWateringEnabled(boolean enabled, String by);

    boolean autoWateringEnabled();

    Health health();

    /** Notification targets and deliveries; null where there are none (a stand-in mothership). */
    default dev.smartpot.mothership.notify.Notifications notifications() {
        return null;
    }

    /** Live events for the dashboard (server-sent events); close the returned handle to stop. */
    AutoCloseable subscribe(Consumer<Event> listener);
}
