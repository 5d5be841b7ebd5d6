package dev.smartpot.mothership.engine;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import dev.smartpot.mothership.alert.LowBattery;
import dev.smartpot.mothership.api.AlertView;
import dev.smartpot.mothership.api.CommandView;
import dev.smartpot.mothership.api.Event;
import dev.smartpot.mothership.api.Health;
import dev.smartpot.mothership.api.MessageView;
import dev.smartpot.mothership.api.Mothership;
import dev.smartpot.mothership.api.PlantPreset;
import dev.smartpot.mothership.api.PotSettings;
import dev.smartpot.mothership.api.PotView;
import dev.smartpot.mothership.api.ReadingView;
import dev.smartpot.mothership.api.Series;
import dev.smartpot.mothership.api.UnknownPotException;
import dev.smartpot.mothership.api.ConnectView;
import dev.smartpot.mothership.api.WakeView;
import dev.smartpot.mothership.api.WateringView;
import dev.smartpot.mothership.notify.Notifications;
import dev.smartpot.mothership.notify.NotifyOptions;
import dev.smartpot.mothership.plant.LivePot;
import dev.smartpot.mothership.plant.Presets;
import dev.smartpot.mothership.store.AppSettings;
import dev.smartpot.mothership.store.Database;
import dev.smartpot.mothership.store.AlertLog;
import dev.smartpot.mothership.store.CommandLog;
import dev.smartpot.mothership.store.MessageLog;
import dev.smartpot.mothership.store.ConnectLog;
import dev.smartpot.mothership.store.WakeLog;
import dev.smartpot.mothership.store.WateringLog;
import dev.smartpot.mothership.store.PotTable;
import dev.smartpot.mothership.store.StoreWriter;
import dev.smartpot.protocol.CommandParser;

/**
 * The mothership as {@link Mothership}: what the web app and the tools ask of it, answered from the parts that
 * {@link EngineParts} wires. {@code new MothershipEngine(EngineOptions.sqlite(BrokerOptions.plain(url), file))},
 * then {@link #start()}, and {@link #close()} at the end.
 */
public final class MothershipEngine implements Mothership {

    private final EngineOptions options;
    private final NotifyOptions notify;
    private final Presets presets = new Presets();
    private final PotBook pots = new PotBook(presets::defaults);
    private final EventBus events = new EventBus();
    private final LowBattery lowBattery;
    private EngineParts parts;

    public MothershipEngine(EngineOptions options) {
        this(options, NotifyOptions.NONE);
    }

    /** With notifications to the targets of {@code notify} (and those added on the dashboard). */
    public MothershipEngine(EngineOptions options, NotifyOptions notify) {
        this.options = options;
        this.notify = notify;
        this.lowBattery = new LowBattery(options.lowBatteryMv());
    }

    /** Opens the store (migrating it), rebuilds the pots in memory, then connects to the broker. */
    public synchronized void start() throws SQLException {
        parts = new EngineParts(options, notify, presets, pots, events, lowBattery);
        parts.start();
    }

    // --- Mothership

    @Override
    public List<PotView> pots() {
        return pots.views();
    }

    @Override
    public Optional<PotView> pot(String potId) {
        LivePot p = pots.get(potId);
        return p == null ? Optional.empty() : Optional.of(p.view());
    }

    private LivePot known(String potId) {
        LivePot p = potId == null ? null : pots.get(potId);
        if (p == null) {
            throw new UnknownPotException(potId);
        }
        return p;
    }

    @Override
    public List<ReadingView> readings(String potId, Instant from, Instant to, int limit) {
        known(potId);
        checkRange(from, to);
        if (limit <= 0) {
            throw new IllegalArgumentException("limit " + limit + " must be positive; expected e.g. 10000");
        }
        return parts.queries.readings(potId, from, to, limit);
    }

    @Override
    public Series series(String potId, Instant from, Instant to, int maxPoints) {
        known(potId);
        checkRange(from, to);
        return parts.queries.series(potId, from, to, Math.max(2, maxPoints));
    }

    @Override
    public List<WakeView> wakes(String potId, Instant from, Instant to, int limit) {
        known(potId);
        checkRange(from, to);
        return WakeLog.between(parts.db, potId, from, to, limit);
    }

    @Override
    public List<ConnectView> connects(String potId, Instant from, Instant to, int limit) {
        known(potId);
        checkRange(from, to);
        return ConnectLog.between(parts.db, potId, from, to, limit);
    }

    private static void checkRange(Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("from " + from + " must be before to " + to
                    + "; expected ISO times such as 2026-05-01T00:00:00Z");
        }
    }

    @Override
    public List<MessageView> messages(int limit) {
        return MessageLog.recent(parts.db, limit);
    }

    @Override
    public List<AlertView> alerts(boolean includeClosed, int limit) {
        return AlertLog.recent(parts.db, includeClosed, limit);
    }

    @Override
    public List<AlertView> potAlerts(String potId, Instant from, Instant to, int limit) {
        known(potId);
        checkRange(from, to);
        return AlertLog.ofPot(parts.db, potId, from, to, limit);
    }

    @Override
    public AlertView acknowledgeAlert(long alertId, String by) {
        return parts.alerts.acknowledge(alertId, by);
    }

    @Override
    public CompletableFuture<CommandView> sendCommand(String potId, String commandText, String by) {
        LivePot pot = known(potId);
        if (commandText == null || commandText.isBlank() || commandText.length() > CommandParser.MAX_BYTES) {
            throw new IllegalArgumentException("a command is 1 to " + CommandParser.MAX_BYTES
                    + " characters of text, e.g. \"read\" or \"water 150\"");
        }
        // The pot's own grammar decides what is a watering: whatever it would pour goes through the interlocks.
        CommandParser grammar = new CommandParser(CommandParser.MAX_FULL_SCALE);
        if (grammar.parse(commandText) && grammar.command() == CommandParser.WATER) {
            return water(pot, grammar.hasAmount() ? (int) grammar.value() : pot.settings().waterMl(), by);
        }
        if (grammar.firstWordIs(CommandParser.WATER_WORD)) {
            throw new IllegalArgumentException(grammar.error());
        }
        return parts.commands.send(potId, commandText, by, pot.sleeping());
    }

    @Override
    public CompletableFuture<CommandView> water(String potId, int ml, String by) {
        return water(known(potId), ml, by);
    }

    private CompletableFuture<CommandView> water(LivePot pot, int ml, String by) {
        PotLimits.water(ml, pot.about());
        return parts.watering.water(pot, ml, false, by);
    }

    @Override
    public void deletePot(String potId, String by) {
        known(potId);
        parts.writer.await(parts.writer.deletePot(potId));
        pots.remove(potId);
        parts.alerts.forget(potId);
        parts.watering.forget(potId);
        parts.confirmed.forget(potId);
        parts.acks.forget(potId);
        System.out.println("mothership: pot " + potId + " and everything kept about it deleted by " + by);
    }

    @Override
    public List<CommandView> commandLog(String potId, int limit) {
        return CommandLog.recent(parts.db, potId, limit);
    }

    @Override
    public List<WateringView> wateringLog(String potId, int limit) {
        return WateringLog.recent(parts.db, potId, 0, limit);
    }

    @Override
    public PotSettings settings(String potId) {
        return known(potId).settings();
    }

    @Override
    public PotSettings updateSettings(String potId, PotSettings settings) {
        LivePot pot = known(potId);
        PotSettings s = SettingsCheck.valid(settings, presets);
        PotLimits.settings(s, pot.about());
        parts.writer.await(parts.writer.submit(c -> PotTable.save(c, potId, s, parts.clock.millis())));
        pot.settings(s);
        pots.reorder();
        parts.evaluator.evaluate(pot);
        events.publish(new Event("pot", potId, pot.view()));
        return s;
    }

    @Override
    public List<PlantPreset> presets() {
        return presets.all();
    }

    @Override
    public void setAutoWateringEnabled(boolean enabled, String by) {
        parts.writer.await(parts.writer.submit(c -> AppSettings.saveAutoWatering(c, enabled)));
        parts.watering.autoSwitch(enabled);
        System.out.println("mothership: automatic watering switched " + (enabled ? "on" : "off") + " by " + by);
    }

    @Override
    public boolean autoWateringEnabled() {
        return parts.watering.autoSwitchOn();
    }

    /** Told about each stored batch from now on (metrics); call after {@link #start()}. */
    public void observeBatches(dev.smartpot.mothership.store.BatchObserver o) {
        parts.writer.observe(o);
    }

    /** A read-only query on one of the store's reader connections (metrics read the notification outbox). */
    public <T> T query(Database.Work<T> work) {
        return parts.db.read(work);
    }

    @Override
    public Notifications notifications() {
        return parts.notifier;
    }

    /** The dashboard's address, for the links in notifications when no public address was given. */
    public void dashboardAt(String url) {
        parts.notifier.listeningAt(url);
    }

    @Override
    public Health health() {
        return parts.health.now();
    }

    /** At most this many pots registered by their first message (default 10,000); further ids are kept as junk. */
    public void limitPots(int max) {
        parts.writer.limitPots(max);
    }

    /** SQLite only: caps the database at about this many bytes (0 = no cap); see {@link StoreWriter#limitSize}. */
    public void limitDatabaseSize(long bytes) {
        parts.writer.limitSize(bytes);
    }

    @Override
    public AutoCloseable subscribe(Consumer<Event> listener) {
        return events.subscribe(listener);
    }

    /** Disconnects politely (the broker keeps the session), lets the writer finish its batch, closes the store. */
    @Override
    public synchronized void close() {
        if (parts != null) {
            parts.close();
        }
        events.close();
    }
}
