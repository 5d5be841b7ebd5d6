package dev.smartpot.mothership.notify;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import dev.smartpot.mothership.api.AlertView;
import dev.smartpot.mothership.store.AlertLog;
import dev.smartpot.mothership.store.Database;
import dev.smartpot.mothership.store.StoreWriter;

/**
 * Notifications, once per alert, to where people are. {@link #raised} runs inside the transaction that stores a new
 * alert and writes one outbox row per target that wants it (held to the end of the target's quiet hours unless its
 * kind is urgent); the {@link Sender} delivers them. Also what the dashboard does with targets.
 */
public final class Notifier implements Notifications, AutoCloseable {

    private final NotifyOptions options;
    private final Database db;
    private final Clock clock;
    private final Function<String, PotInfo> pots;
    private final TargetBook targets;
    private final Channel channel;
    private final Sender sender;
    private volatile String listeningAt;

    /** @param pots a pot's name and room by id, or null for an unknown pot */
    public Notifier(NotifyOptions options, Database db, StoreWriter writer, Clock clock, Function<String, PotInfo> pots) {
        this(options, db, writer, clock, pots, new Channels(options.telegramApi()));
    }

    Notifier(NotifyOptions options, Database db, StoreWriter writer, Clock clock, Function<String, PotInfo> pots,
             Channel channel) {
        this.options = options;
        this.db = db;
        this.clock = clock;
        this.pots = pots;
        this.channel = channel;
        this.targets = new TargetBook(options.entries(), db, writer, clock);
        this.sender = new Sender(new Outbox(db.dialect()), targets, channel, writer, db, clock, options, this::notice,
                this::dashboard);
    }

    /** Told after each attempt to deliver (the dashboard's live events). */
    public void onDelivery(java.util.function.Consumer<DeliveryNews> listener) {
        sender.onNews(listener);
    }

    /** Starts delivering (what an earlier run left pending too). */
    public void start() {
        sender.start();
    }

    /** The address the dashboard listens on, for the links when no --public-url was given. */
    public void listeningAt(String url) {
        this.listeningAt = url;
    }

    /** A new alert, in the transaction that stores it: its notifications are stored with it, or neither is. */
    public void raised(Connection c, AlertView alert) throws SQLException {
        PotInfo pot = pots.apply(alert.potId());
        String room = pot == null ? null : pot.room();
        Instant now = clock.instant();
        for (TargetBook.Entry e : targets.all(c).values()) {
            Routing r = e.target().routing();
            if (r.wants(alert.kind(), alert.potId(), room)) {
                Instant due = r.dueAt(alert.kind(), now, options.zone());
                Outbox.add(c, alert.id(), e.target(), due, due.isAfter(now), now);
            }
        }
    }

    /** A new alert was committed: deliver without waiting for the next look. */
    public void wake() {
        sender.wake();
    }

    /** One round of the sender, for tests that drive the clock. */
    int sendDue() {
        return sender.runOnce();
    }

    @Override
    public List<TargetView> targets() {
        return targets.all().values().stream().map(TargetBook.Entry::view).toList();
    }

    @Override
    public TargetView addTarget(String url, String by) {
        TargetView v = targets.add(url, by);
        System.out.println("mothership: notification target " + v.shown() + " added by " + by);
        return v;
    }

    @Override
    public void removeTarget(String key, String by) {
        TargetBook.Entry e = targets.all().get(key);
        targets.remove(key);
        System.out.println("mothership: notification target " + e.target().masked() + " removed by " + by);
    }

    @Override
    public String test(String key) {
        TargetBook.Entry e = targets.all().get(key);
        if (e == null) {
            throw new IllegalArgumentException("no target " + key + ". Fix: use a key from GET /api/notify/targets");
        }
        try {
            channel.send(e.target(), Message.test(dashboard()));
            return null;
        } catch (DeliveryFailed failed) {
            return failed.getMessage();
        }
    }

    @Override
    public List<Delivery> deliveries(long alertId, int limit) {
        return Outbox.deliveries(db, alertId, limit);
    }

    /** The dashboard's address as people reach it, ending in a slash; null when not known. */
    String dashboard() {
        String base = options.publicUrl() != null ? options.publicUrl() : listeningAt;
        return base == null ? null : base.endsWith("/") ? base : base + "/";
    }

    private Notice notice(Outbox.Row row) {
        List<AlertView> found = AlertLog.byId(db, row.alertId());
        if (found.isEmpty()) {
            return null;
        }
        AlertView a = found.get(0);
        PotInfo pot = pots.apply(a.potId());
        String base = dashboard();
        return new Notice(row.id(), a.id(), a.potId(), pot == null ? null : pot.name(), pot == null ? null : pot.room(),
                a.kind(), a.message(), a.raisedAt(), a.closedAt(),
                base == null ? null : base + "#/pot/" + URLEncoder.encode(a.potId(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        sender.close();
    }
}
