package dev.smartpot.mothership.engine;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.smartpot.mothership.alert.AlertBook;
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
import dev.smartpot.mothership.api.WateringView;
import dev.smartpot.mothership.command.CommandDesk;
import dev.smartpot.mothership.ingest.Inbound;
import dev.smartpot.mothership.broker.BrokerLink;
import dev.smartpot.mothership.plant.LivePot;
import dev.smartpot.mothership.plant.Presets;
import dev.smartpot.mothership.store.BootTracker;
import dev.smartpot.mothership.store.Database;
import dev.smartpot.mothership.store.LogTables;
import dev.smartpot.mothership.store.PotTable;
import dev.smartpot.mothership.store.ReadingQueries;
import dev.smartpot.mothership.store.RulesLock;
import dev.smartpot.mothership.store.StoreWriter;
import dev.smartpot.mothership.watering.WateringDesk;
import dev.smartpot.protocol.CommandParser;

/**
 * The mothership: wires ingest, store, plant states, alerts, watering and commands, and offers them as
 * {@link Mothership}. {@code new MothershipEngine(EngineOptions.sqlite(BrokerOptions.plain(url), file))},
 * then {@link #start()}, and {@link #close()} at the end.
 */
public final class MothershipEngine implements Mothership {

    private static final String AUTO_SWITCH = "auto_watering";

    private final EngineOptions options;
    private final Clock clock;
    private final Presets presets = new Presets();
    private final PotBook pots = new PotBook(presets::defaults);
    private final EventBus events = new EventBus();
    private final BootTracker boots = new BootTracker();
    private final LowBattery lowBattery;
    private Database db;
    private ReadingQueries queries;
    private StoreWriter writer;
    private BrokerLink mqtt;
    private AlertBook alerts;
    private CommandDesk commands;
    private WateringDesk watering;
    private ScheduledExecutorService timer;
    /** Held by the one instance (of several sharing a database) that runs the automatic watering rules. */
    private RulesLock rulesLock;
    private Instant startedAt;
    private long junkAtStart;
    private final java.util.concurrent.atomic.AtomicLong junkSinceStart = new java.util.concurrent.atomic.AtomicLong();

    public MothershipEngine(EngineOptions options) {
        this.options = options;
        this.clock = options.clock();
        this.lowBattery = new LowBattery(options.lowBatteryMv());
    }

    /** Opens the store (migrating it), rebuilds the pots in memory, then connects to the broker. */
    public synchronized void start() throws SQLException {
        startedAt = clock.instant();
        db = options.jdbcUrl() != null ? Database.open(options.jdbcUrl(), options.dbUser(), options.dbPassword())
                : Database.sqlite(options.sqliteFile());
        queries = new ReadingQueries(db);
        rulesLock = new RulesLock(db);
        pots.load(db, queries, boots, startedAt);
        junkAtStart = LogTables.junkCount(db);
        writer = new StoreWriter(db, boots, clock, options.writeQueue(), new Committer(this));
        writer.limitSize(options.maxDatabaseBytes());
        timer = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "mothership-timer");
            t.setDaemon(true);
            return t;
        });
        mqtt = new BrokerLink(options.broker(), writer, clock, news -> System.out.println("mothership: " + news));
        alerts = new AlertBook(writer, db, clock, new AlertPublisher(mqtt, options.alertTopic(),
                (a, change) -> events.publish(new Event("alert", a.potId(), a))));
        alerts.load();
        commands = new CommandDesk(writer, mqtt, clock, timer, options.commandTimeout(),
                c -> events.publish(new Event("command", c.potId(), c)));
        watering = new WateringDesk(commands, alerts, writer, clock, options.effectWindow(), options.minRise(),
                w -> events.publish(new Event("watering", w.potId(), w)));
        alerts.onLockOutLifted(potId -> System.out.println("mothership: watering of " + potId + " allowed again"));
        watering.load(db).forEach((potId, at) -> {
            LivePot p = pots.get(potId);
            if (p != null) {
                p.watered(at);
            }
        });
        watering.autoSwitch(!"off".equals(PotTable.appSetting(db, AUTO_SWITCH)));
        writer.start();
        evaluateAll();
        mqtt.start();
        long every = options.evaluateEvery().toMillis();
        timer.scheduleWithFixedDelay(this::evaluateAll, every, every, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::applyRetention, 1, 60, TimeUnit.MINUTES);
    }

    /** Re-decides every pot's state (STALE needs only time to pass) and runs the watering rules. */
    void evaluateAll() {
        try {
            // Watering needs the link: a command sent while it is down would only fail. Of several instances
            // sharing a database, only the holder of the rules lock runs the automatic rules.
            boolean canWater = mqtt.connected();
            boolean rulesHere = canWater && rulesLock.held();
            for (LivePot p : pots.all()) {
                evaluate(p);
                if (canWater) {
                    watering.tick(p, rulesHere);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("mothership: evaluation failed: " + e);
        }
    }

    void evaluate(LivePot p) {
        LivePot.Change change = p.evaluate(clock.instant(), startedAt, options.defaultInterval().toMillis());
        if (change != null) {
            alerts.stateChanged(p.id(), change);
            events.publish(new Event("pot", p.id(), p.view()));
        }
        lowBattery.check(p.id(), p.batteryMv(), alerts);
    }

    private void applyRetention() {
        writer.submit(c -> options.retention().apply(c, clock.millis())).exceptionally(e -> {
            System.err.println("mothership: retention: " + e.getMessage());
            return 0L;
        });
    }

    // --- what the committer (writer thread) needs

    Instant now() {
        return clock.instant();
    }

    PotBook potBook() {
        return pots;
    }

    EventBus events() {
        return events;
    }

    CommandDesk commandDesk() {
        return commands;
    }

    void countJunk(long n) {
        junkSinceStart.addAndGet(n);
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
        return queries.readings(potId, from, to, limit);
    }

    @Override
    public Series series(String potId, Instant from, Instant to, int maxPoints) {
        known(potId);
        checkRange(from, to);
        return queries.series(potId, from, to, Math.max(2, maxPoints));
    }

    private static void checkRange(Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("from " + from + " must be before to " + to
                    + "; expected ISO times such as 2026-05-01T00:00:00Z");
        }
    }

    @Override
    public List<MessageView> messages(int limit) {
        return LogTables.messages(db, limit);
    }

    @Override
    public List<AlertView> alerts(boolean includeClosed, int limit) {
        return LogTables.alerts(db, includeClosed, limit);
    }

    @Override
    public AlertView acknowledgeAlert(long alertId, String by) {
        return alerts.acknowledge(alertId, by);
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
        return commands.send(potId, commandText, by, pot.sleeping());
    }

    @Override
    public CompletableFuture<CommandView> water(String potId, int ml, String by) {
        return water(known(potId), ml, by);
    }

    private CompletableFuture<CommandView> water(LivePot pot, int ml, String by) {
        if (ml < 1 || ml > CommandParser.MAX_WATER_ML) {
            throw new IllegalArgumentException("water " + ml + " ml: expected 1 to " + CommandParser.MAX_WATER_ML
                    + " ml, the most a pot pours per command");
        }
        Inbound.About about = pot.about();
        if (about != null && about.waterMaxMl() != null && ml > about.waterMaxMl()) {
            throw new IllegalArgumentException("water " + ml + " ml: this pot pours at most " + about.waterMaxMl()
                    + " ml per command (its own limits); expected 1 to " + about.waterMaxMl() + " ml");
        }
        return watering.water(pot, ml, false, by);
    }

    @Override
    public void deletePot(String potId, String by) {
        known(potId);
        writer.await(writer.deletePot(potId));
        pots.remove(potId);
        alerts.forget(potId);
        watering.forget(potId);
        System.out.println("mothership: pot " + potId + " and everything kept about it deleted by " + by);
    }

    @Override
    public List<CommandView> commandLog(String potId, int limit) {
        return LogTables.commands(db, potId, limit);
    }

    @Override
    public List<WateringView> wateringLog(String potId, int limit) {
        return LogTables.waterings(db, potId, 0, limit);
    }

    @Override
    public PotSettings settings(String potId) {
        return known(potId).settings();
    }

    @Override
    public PotSettings updateSettings(String potId, PotSettings settings) {
        LivePot pot = known(potId);
        PotSettings s = SettingsCheck.valid(settings, presets);
        Inbound.About about = pot.about();
        if (about != null && about.waterMaxMl() != null && s.waterMl() > about.waterMaxMl()) {
            throw new IllegalArgumentException("waterMl " + s.waterMl() + " is more than this pot pours per command ("
                    + about.waterMaxMl() + " ml, its own limits); expected 1 to " + about.waterMaxMl() + " ml");
        }
        writer.await(writer.submit(c -> PotTable.save(c, potId, s, clock.millis())));
        pot.settings(s);
        pots.reorder();
        evaluate(pot);
        events.publish(new Event("pot", potId, pot.view()));
        return s;
    }

    @Override
    public List<PlantPreset> presets() {
        return presets.all();
    }

    @Override
    public void setAutoWateringEnabled(boolean enabled, String by) {
        writer.await(writer.submit(c -> PotTable.saveAppSetting(c, AUTO_SWITCH, enabled ? "on" : "off")));
        watering.autoSwitch(enabled);
        System.out.println("mothership: automatic watering switched " + (enabled ? "on" : "off") + " by " + by);
    }

    @Override
    public boolean autoWateringEnabled() {
        return watering.autoSwitchOn();
    }

    @Override
    public Health health() {
        boolean broker = mqtt.connected();
        String storeError = writer.error();
        List<String> refusing = pots.all().stream().filter(LivePot::refusingReadings).map(LivePot::id).sorted().toList();
        return new Health(broker && storeError == null && refusing.isEmpty(), broker, options.broker().url(),
                storeError == null, storeError, db.describe(), writer.stored(), writer.duplicates(),
                junkAtStart + junkSinceStart.get(), writer.backlog(), startedAt, writer.conflicts(), refusing);
    }

    /** At most this many pots registered by their first message (default 10,000); further ids are kept as junk. */
    public void limitPots(int max) {
        writer.limitPots(max);
    }

    /** SQLite only: caps the database at about this many bytes (0 = no cap); see {@link StoreWriter#limitSize}. */
    public void limitDatabaseSize(long bytes) {
        writer.limitSize(bytes);
    }

    @Override
    public AutoCloseable subscribe(Consumer<Event> listener) {
        return events.subscribe(listener);
    }

    /** Disconnects politely (the broker keeps the session), lets the writer finish its batch, closes the store. */
    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (mqtt != null) {
            mqtt.close();
        }
        if (writer != null) {
            writer.close();
        }
        if (rulesLock != null) {
            rulesLock.close();
        }
        events.close();
        if (db != null) {
            db.close();
        }
    }
}
