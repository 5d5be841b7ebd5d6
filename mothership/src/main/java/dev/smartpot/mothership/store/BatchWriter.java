package dev.smartpot.mothership.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import dev.smartpot.mothership.store.StoreWriter.Committed;
import dev.smartpot.mothership.store.StoreWriter.Listener;
import dev.smartpot.mothership.store.StoreWriter.Received;

/**
 * Writes one batch of received messages in one transaction on the writer thread and acknowledges them after
 * the commit; on a failure it says why in words, keeps the batch, acknowledges nothing and retries until the
 * write succeeds (or the writer stops). Counts what was stored and applies the SQLite size cap before writing.
 */
final class BatchWriter {

    private static final long RETRY_MILLIS = 1_000;

    private final Database db;
    private final IngestTables tables;
    private final ReadingWriter readings;
    private final BootTracker boots;
    private final Clock clock;
    private final BooleanSupplier running;
    private final Object retryLock = new Object();
    private final SizeCap sizeCap = new SizeCap();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong conflicts = new AtomicLong();
    private volatile String error;
    private boolean moveFailed;
    /** Set once, before the writer thread starts. */
    private Listener listener = Listener.NONE;
    private volatile BatchObserver observer = BatchObserver.NONE;

    BatchWriter(Database db, IngestTables tables, BootTracker boots, Clock clock, BooleanSupplier running) {
        this.db = db;
        this.tables = tables;
        this.readings = new ReadingWriter(db.dialect());
        this.boots = boots;
        this.clock = clock;
        this.running = running;
    }

    void listener(Listener l) {
        this.listener = l;
    }

    void observer(BatchObserver o) {
        this.observer = o;
    }

    long stored() {
        return stored.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    long conflicts() {
        return conflicts.get();
    }

    String error() {
        return error;
    }

    /** A new cap (0 = none), tried at once by a batch waiting to retry. */
    void limitSize(long bytes) {
        sizeCap.set(bytes);
        wake();
    }

    /** Ends a retry's wait now (a new cap, or the writer stopping). */
    void wake() {
        synchronized (retryLock) {
            retryLock.notifyAll();
        }
    }

    /** A fresh writer connection after a failure; the size cap is applied to it again. */
    void reopen() throws SQLException {
        db.reopenWriter();
        sizeCap.newConnection();
    }

    static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is in trouble already; the next attempt reports it.
        }
    }

    void writeUntilDone(List<Received> received) throws InterruptedException {
        while (running.getAsBoolean()) {
            Connection c = db.writer();
            long startNanos = System.nanoTime();
            try {
                if (db.dialect() == Dialect.SQLITE) {
                    sizeCap.apply(c);
                }
                c.setAutoCommit(false);
                Committed done = tables.write(c, received, readings, boots, clock.millis());
                c.commit();
                observer.stored(received.size(), System.nanoTime() - startNanos, received.get(0).receivedAt(), clock.millis());
                boots.commit();
                tables.committed();
                for (Received r : received) {
                    acknowledge(r);
                }
                long fresh = 0;
                long same = 0;
                for (StoredReading r : done.readings()) {
                    fresh += r.inserted() ? 1 : 0;
                    same += r.duplicate() ? 1 : 0;
                }
                stored.addAndGet(fresh);
                duplicates.addAndGet(same);
                conflicts.addAndGet(done.readings().size() - fresh - same);
                if (error != null) {
                    error = null;
                    listener.storeHealth(null);
                }
                try {
                    listener.committed(done);
                } catch (RuntimeException e) {
                    // Stored and acknowledged already: a listener bug must not make the batch run again.
                    System.err.println("mothership: after a stored batch: " + e);
                    e.printStackTrace();
                }
                moveInboxIfDue(c);
                return;
            } catch (SQLException | RuntimeException e) {
                boots.rollback();
                rollbackQuietly(c);
                String message = e instanceof SQLException sql ? StoreErrors.describe(sql, db.describe())
                        : db.describe() + ": internal error while storing a batch (" + e + "); nothing was acknowledged,"
                        + " it is retried; please report this with the log";
                try {
                    reopen();
                } catch (SQLException reopen) {
                    message = StoreErrors.describe(reopen, db.describe());
                }
                if (!message.equals(error)) {
                    System.err.println("mothership: ingest paused, nothing acknowledged: " + message);
                }
                error = message;
                listener.storeHealth(message);
                synchronized (retryLock) {
                    retryLock.wait(RETRY_MILLIS);
                }
            }
        }
    }

    /** At a clean stop, on the writer thread after its last batch: a restart then reads readings alone. */
    void moveInboxAtStop() {
        Connection c = db.writer();
        if (InboxMove.moveNow(c, db.dialect(), "at stop")) {
            tables.moved();
        }
    }

    /** After the batch's acknowledgements, so a move never holds them back. */
    private void moveInboxIfDue(Connection c) {
        if (!tables.moveDue(clock.millis())) {
            return;
        }
        try {
            InboxMove.move(c, db.dialect());
            c.commit();
            tables.moved();
            if (moveFailed) {
                moveFailed = false;
                System.err.println("mothership: the inbox's readings moved into readings again");
            }
        } catch (SQLException e) {
            rollbackQuietly(c);
            if (!moveFailed) {
                System.err.println("mothership: the inbox's readings stay there for now, retried after the next batch: "
                        + StoreErrors.describe(e, db.describe()));
            }
            moveFailed = true;
            try {
                reopen();
            } catch (SQLException reopen) {
                // The next batch reports it.
            }
        }
    }

    /** One failed acknowledgement (a link that just dropped) must not keep the others from the broker. */
    private static void acknowledge(Received r) {
        try {
            r.ack().run();
        } catch (RuntimeException e) {
            // The broker redelivers what it did not hear about; the store ignores it then.
        }
    }
}
