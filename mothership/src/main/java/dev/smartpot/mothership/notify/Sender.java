package dev.smartpot.mothership.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.smartpot.mothership.store.Database;
import dev.smartpot.mothership.store.StoreWriter;

/**
 * Delivers the outbox: claims due rows (a lease, so a second mothership on the same database leaves them alone),
 * sends each, and marks it sent only after the receiver acknowledged it. A failure is tried again after a wait that
 * doubles from {@link NotifyOptions#FIRST_RETRY} up to the retry maximum; past the give-up bound it is marked
 * failed. Rows held through quiet hours go to their target as one digest. A SIGKILL loses nothing: an unsent row
 * stays pending, and a lease of a dead sender runs out.
 */
final class Sender implements AutoCloseable {

    /** Longer than any one send (HTTP and SMTP time out after 15 s). */
    static final Duration LEASE = Duration.ofSeconds(90);
    private static final int BATCH = 20;

    private final Outbox outbox;
    private final TargetBook targets;
    private final Channel channel;
    private final StoreWriter writer;
    private final Database db;
    private final Clock clock;
    private final NotifyOptions options;
    /** The row's alert as told, or null when the alert is gone (its pot deleted). */
    private final Function<Outbox.Row, Notice> notices;
    private final Supplier<String> dashboard;
    private final String owner = UUID.randomUUID().toString();
    /** Told of each attempt's outcome, for the dashboard's live view. */
    private volatile java.util.function.Consumer<DeliveryNews> news = n -> { };
    private final Object bell = new Object();
    private volatile boolean running;
    /** Set by {@link #close}: claimed rows not yet sent are handed back rather than left leased. */
    private volatile boolean closing;
    private Thread thread;

    Sender(Outbox outbox, TargetBook targets, Channel channel, StoreWriter writer, Database db, Clock clock,
           NotifyOptions options, Function<Outbox.Row, Notice> notices, Supplier<String> dashboard) {
        this.outbox = outbox;
        this.targets = targets;
        this.channel = channel;
        this.writer = writer;
        this.db = db;
        this.clock = clock;
        this.options = options;
        this.notices = notices;
        this.dashboard = dashboard;
    }

    void onNews(java.util.function.Consumer<DeliveryNews> listener) {
        news = listener;
    }

    void start() {
        running = true;
        thread = new Thread(this::loop, "mothership-notify");
        thread.setDaemon(true);
        thread.start();
    }

    /** Something may be due now (a fresh alert): look without waiting out the poll. */
    void wake() {
        synchronized (bell) {
            bell.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            int done = 0;
            try {
                done = runOnce();
            } catch (RuntimeException e) {
                // The store is down or busy: the rows stay pending, and the next round tries again.
                System.err.println("mothership: notifications: " + e.getMessage());
            }
            if (done == 0 && running) {
                synchronized (bell) {
                    try {
                        bell.wait(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    /** One round: claims what is due and sends it. Returns how many rows it handled. */
    int runOnce() {
        Map<String, TargetBook.Entry> known = targets.all();
        long now = clock.millis();
        if (!Outbox.anyDue(db, known.keySet(), now)) {
            return 0;
        }
        List<Outbox.Row> rows = writer.await(writer.submit(c -> outbox.claim(c, owner, known.keySet(), now,
                now + LEASE.toMillis(), BATCH)));
        Map<String, List<Outbox.Row>> digests = new LinkedHashMap<>();
        List<Outbox.Row> left = new ArrayList<>(rows);
        for (Outbox.Row r : rows) {
            if (r.held()) {
                digests.computeIfAbsent(r.targetKey(), k -> new ArrayList<>()).add(r);
            } else if (!closing) {
                deliver(known.get(r.targetKey()), List.of(r), false);
                left.remove(r);
            }
        }
        for (Map.Entry<String, List<Outbox.Row>> d : digests.entrySet()) {
            if (!closing) {
                deliver(known.get(d.getKey()), d.getValue(), true);
                left.removeAll(d.getValue());
            }
        }
        if (!left.isEmpty()) {
            // Stopping: whoever runs next (this mothership restarted, or another one) sends them at once.
            writer.await(writer.submit(c -> Outbox.release(c, left, owner)));
        }
        return rows.size();
    }

    private void deliver(TargetBook.Entry entry, List<Outbox.Row> rows, boolean digest) {
        Target t = entry.target();
        List<Notice> told = new ArrayList<>();
        List<Outbox.Row> live = new ArrayList<>();
        for (Outbox.Row r : rows) {
            Notice n = notices.apply(r);
            if (n == null) {
                writer.await(writer.submit(c -> Outbox.giveUp(c, r.id(), owner, "the alert is gone (its pot was deleted)")));
            } else {
                told.add(n);
                live.add(r);
            }
        }
        if (told.isEmpty()) {
            return;
        }
        Message m = digest ? Message.digest(told, dashboard.get()) : Message.alert(told.get(0));
        String what = digest ? "a digest of " + told.size() + " alerts" : "alert " + told.get(0).alertId() + " (" + m.kind() + ")";
        try {
            channel.send(t, m);
        } catch (DeliveryFailed e) {
            failed(t, live, what, e.getMessage());
            told.forEach(n -> news.accept(new DeliveryNews(n.alertId(), n.potId(), Outbox.PENDING)));
            return;
        } catch (RuntimeException e) {
            failed(t, live, what, t.scrub(String.valueOf(e)));
            told.forEach(n -> news.accept(new DeliveryNews(n.alertId(), n.potId(), Outbox.PENDING)));
            return;
        }
        long sentAt = clock.millis();
        writer.await(writer.submit(c -> {
            for (Outbox.Row r : live) {
                Outbox.sent(c, r.id(), owner, sentAt);
            }
            return null;
        }));
        System.out.println("mothership: notified " + t.masked() + " of " + what);
        told.forEach(n -> news.accept(new DeliveryNews(n.alertId(), n.potId(), Outbox.SENT)));
    }

    private void failed(Target t, List<Outbox.Row> rows, String what, String error) {
        long now = clock.millis();
        for (Outbox.Row r : rows) {
            int attempt = r.attempts() + 1;
            boolean giveUp = now - r.createdAt() >= options.giveUpAfter().toMillis();
            long wait = backoff(attempt, options.retryMax());
            writer.await(writer.submit(c -> giveUp ? Outbox.giveUp(c, r.id(), owner, error)
                    : Outbox.retry(c, r.id(), owner, now + wait, error)));
            if (giveUp) {
                System.err.println("mothership: gave up notifying " + t.masked() + " of " + what + " after " + attempt
                        + " attempts over " + options.giveUpAfter() + ": " + error);
            } else if (r == rows.get(0)) {
                System.err.println("mothership: notifying " + t.masked() + " of " + what + " failed (attempt " + attempt
                        + ", next in " + wait / 1000 + " s): " + error);
            }
        }
    }

    /** The wait after the n-th failed attempt: 2 s, 4 s, 8 s, ... up to {@code max}. */
    static long backoff(int attempt, Duration max) {
        long first = NotifyOptions.FIRST_RETRY.toMillis();
        long wait = attempt >= 30 ? Long.MAX_VALUE : first << (attempt - 1);
        return Math.min(wait, max.toMillis());
    }

    /**
     * Lets a send in progress finish (an interrupted one might reach the receiver without being noted, and be sent
     * again), hands back what it claimed, and stops.
     */
    @Override
    public void close() {
        closing = true;
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(HttpChannels.TIMEOUT.toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread.interrupt();
        }
    }
}
