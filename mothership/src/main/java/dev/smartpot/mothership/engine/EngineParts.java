package dev.smartpot.mothership.engine;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.smartpot.mothership.alert.AlertBook;
import dev.smartpot.mothership.alert.LowBattery;
import dev.smartpot.mothership.api.Event;
import dev.smartpot.mothership.broker.BrokerLink;
import dev.smartpot.mothership.command.CommandDesk;
import dev.smartpot.mothership.confirm.AckAfterCommit;
import dev.smartpot.mothership.confirm.AckSender;
import dev.smartpot.mothership.confirm.ConfirmedRuns;
import dev.smartpot.mothership.notify.NotifyOptions;
import dev.smartpot.mothership.notify.Notifier;
import dev.smartpot.mothership.notify.PotInfo;
import dev.smartpot.mothership.plant.LivePot;
import dev.smartpot.mothership.plant.Presets;
import dev.smartpot.mothership.store.AppSettings;
import dev.smartpot.mothership.store.BootTracker;
import dev.smartpot.mothership.store.Database;
import dev.smartpot.mothership.store.ReadingQueries;
import dev.smartpot.mothership.store.RulesLock;
import dev.smartpot.mothership.store.StoreWriter;
import dev.smartpot.mothership.watering.WateringDesk;

/**
 * The composition root: opens the store (migrating it), rebuilds the pots in memory and wires every part from
 * the options, each part given what it needs when it is made. {@link #start()} sets them moving (writer, first
 * evaluation, broker link, timers); {@link #close()} stops them in reverse.
 */
final class EngineParts implements AutoCloseable {

    final EngineOptions options;
    final Clock clock;
    final Presets presets;
    final PotBook pots;
    final EventBus events;
    final Instant startedAt;
    final Database db;
    final ReadingQueries queries;
    final StoreWriter writer;
    final BrokerLink link;
    final AlertBook alerts;
    final CommandDesk commands;
    final WateringDesk watering;
    final Evaluator evaluator;
    final HealthReport health;
    /** What the store holds of each pot, told to the pots after each commit (from_mothership/{id}/ack). */
    final ConfirmedRuns confirmed;
    final AckSender acks;
    final Notifier notifier;
    private final ScheduledExecutorService timer;
    /** Held by the one instance (of several sharing a database) that runs the automatic watering rules. */
    private final RulesLock rulesLock;

    /** The arguments after the options are made with the engine (listeners and readers may come before the start). */
    EngineParts(EngineOptions options, NotifyOptions notify, Presets presets, PotBook pots, EventBus events,
                LowBattery lowBattery) throws SQLException {
        this.options = options;
        this.presets = presets;
        this.pots = pots;
        this.events = events;
        this.clock = options.clock();
        this.startedAt = clock.instant();
        this.db = options.jdbcUrl() != null ? Database.open(options.jdbcUrl(), options.dbUser(), options.dbPassword())
                : Database.sqlite(options.sqliteFile());
        ScheduledExecutorService madeTimer = null;
        RulesLock madeLock = null;
        try {
            queries = new ReadingQueries(db);
            madeLock = new RulesLock(db);
            BootTracker boots = new BootTracker();
            pots.load(db, boots, startedAt);
            writer = new StoreWriter(db, boots, clock, options.writeQueue());
            writer.limitSize(options.maxDatabaseBytes());
            writer.commitAtOnce(id -> {
                LivePot p = pots.get(id);
                return p != null && p.awakeBriefly();
            });
            madeTimer = Executors.newScheduledThreadPool(1, r -> {
                Thread t = new Thread(r, "mothership-timer");
                t.setDaemon(true);
                return t;
            });
            link = new BrokerLink(options.broker(), writer, clock, news -> System.out.println("mothership: " + news));
            notifier = new Notifier(notify, db, writer, clock, id -> {
                LivePot p = pots.get(id);
                return p == null ? null : new PotInfo(p.view().name(), p.view().room());
            });
            alerts = new AlertBook(writer, db, clock, new AlertPublisher(link, options.alertTopic(), (a, change) -> {
                events.publish(new Event("alert", a.potId(), a));
                if (change.equals("raised")) {
                    notifier.wake();
                }
            }));
            alerts.alsoStore(notifier::raised);
            notifier.onDelivery(d -> events.publish(new Event("delivery", d.potId(), d)));
            alerts.load();
            commands = new CommandDesk(writer, link, clock, madeTimer, options.commandTimeout(),
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
            watering.autoSwitch(AppSettings.autoWatering(db));
            RulesLock lock = madeLock;
            evaluator = new Evaluator(pots, alerts, events, watering, lowBattery, options, startedAt, link::connected, lock::held,
                    writer::gatherMillis);
            health = new HealthReport(link, writer, pots, db, options.broker().url(), startedAt);
            confirmed = options.broker().sharedGroup() == null ? ConfirmedRuns.load(db) : new ConfirmedRuns();
            ScheduledExecutorService ackTimer = madeTimer;
            acks = new AckSender(confirmed, link, clock, (task, ms) -> {
                try {
                    ackTimer.schedule(task, ms, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException closing) {
                    // The engine is closing: this acknowledgement is not sent; the retained one on the broker stands.
                }
            });
        } catch (RuntimeException e) {
            if (madeTimer != null) {
                madeTimer.shutdownNow();
            }
            if (madeLock != null) {
                madeLock.close();
            }
            db.close();
            throw e;
        }
        this.timer = madeTimer;
        this.rulesLock = madeLock;
    }

    void start() {
        Committer committer = new Committer(pots, events, evaluator, commands, health, clock);
        // Instances sharing the readings each store a part: none knows what the store holds of a pot, so none confirms
        // (their pots trust the broker's acknowledgement, as before).
        writer.start(options.broker().sharedGroup() == null ? new AckAfterCommit(committer, confirmed, acks) : committer);
        evaluator.evaluateAll();
        link.start();
        notifier.start();
        long every = options.evaluateEvery().toMillis();
        timer.scheduleWithFixedDelay(evaluator::evaluateAll, every, every, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(this::applyRetention, 1, 60, TimeUnit.MINUTES);
    }

    private void applyRetention() {
        writer.submit(c -> options.retention().apply(c, clock.millis())).exceptionally(e -> {
            System.err.println("mothership: retention: " + e.getMessage());
            return 0L;
        });
    }

    /** Disconnects politely (the broker keeps the session), lets the writer finish its batch, closes the store. */
    @Override
    public void close() {
        timer.shutdownNow();
        notifier.close();
        // What the writer holds is committed, acknowledged and confirmed to its pots while the link is up.
        writer.finish();
        acks.flush();
        link.close();
        writer.close();
        rulesLock.close();
        db.close();
    }
}
