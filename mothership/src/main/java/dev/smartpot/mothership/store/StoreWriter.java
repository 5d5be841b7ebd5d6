package dev.smartpot.mothership.store;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.smartpot.mothership.api.MessageView;
import dev.smartpot.mothership.ingest.Inbound;

/**
 * The one thread that writes. It drains a bounded queue of received messages in batches, one transaction
 * per batch, and only after the commit acknowledges them to the broker: a crash before the commit loses
 * nothing, the broker redelivers. When a write fails (disk full, file not writable, database locked) it
 * reports the error in words, keeps the batch, acknowledges nothing (so the broker holds the backlog)
 * and retries until the write succeeds. Other writes (commands, alerts, settings) are tasks on the same
 * thread, so SQLite sees one writer.
 */
public final class StoreWriter implements AutoCloseable {

    /** A message as received, with what acknowledges it to the broker. */
    public record Received(Inbound inbound, long receivedAt, Runnable ack) {
    }

    /** What one committed batch held, for the in-memory state (writer thread); junkNotKept: junk counted, not kept. */
    public record Committed(List<StoredReading> readings, List<Inbound.Status> statuses, List<MessageView> messages,
                            List<Inbound.Reply> replies, long junkNotKept, List<Inbound.About> abouts) {

        public Committed(List<StoredReading> readings, List<Inbound.Status> statuses, List<MessageView> messages,
                         List<Inbound.Reply> replies, long junkNotKept) {
            this(readings, statuses, messages, replies, junkNotKept, List.of());
        }
    }

    /** Told about each committed batch and about the store's health. */
    public interface Listener {
        void committed(Committed batch);

        /** @param error null when writes work (again) */
        void storeHealth(String error);

        /** For a writer whose commits and health nobody watches (tools, tests). */
        Listener NONE = new Listener() {
            @Override
            public void committed(Committed batch) {
            }

            @Override
            public void storeHealth(String error) {
            }
        };
    }

    private static final int MAX_BATCH = 5_000;

    private final Database db;
    private final IngestTables tables = new IngestTables();
    private final BootTracker boots;
    private final BatchWriter batches;
    private final BlockingQueue<Object> queue;
    private final Gather gather = new Gather();
    private final AtOnce atOnce = new AtOnce();
    private final Thread thread;
    /** Tasks submitted by the writer thread itself (only it touches this list). */
    private final List<WriteTask<?>> ownTasks = new ArrayList<>();
    /** Tasks that found the queue full; run at the writer's next turn (it polls at least every 200 ms). */
    private final java.util.Queue<WriteTask<?>> overflow = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile boolean running = true;
    /** False from {@link #finish()}: messages offered after it are left unacknowledged for the broker to deliver again. */
    private volatile boolean accepting = true;

    public StoreWriter(Database db, BootTracker boots, Clock clock, int capacity) {
        this.db = db;
        this.boots = boots;
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.batches = new BatchWriter(db, tables, boots, clock, () -> running);
        this.thread = new Thread(this::loop, "mothership-store-writer");
        thread.setDaemon(true);
    }

    /** Starts writing; {@code listener} is told about every committed batch and the store's health. */
    public void start(Listener listener) {
        batches.listener(listener);
        thread.start();
    }

    /** Told about each stored batch from now on (metrics). */
    public void observe(BatchObserver o) {
        batches.observer(o);
    }

    /** How long a small batch waits for more before its commit (default 3 s; zero: at once): fewer pages written. */
    public void gather(java.time.Duration window) {
        gather.window(window);
    }

    /** How long a received reading may wait for its commit at light traffic (the gather's window). */
    public long gatherMillis() {
        return gather.windowMillis();
    }

    /** Whose readings skip the gather's wait (by pot id, answered from memory: see {@link AtOnce}); default none. */
    public void commitAtOnce(java.util.function.Predicate<String> potAwakeBriefly) {
        atOnce.awakeBriefly(potAwakeBriefly);
    }

    /** Queues a received message; blocks while the queue is full, which slows the broker down (back-pressure). */
    public void offer(Received r) {
        offer(r, Long.MAX_VALUE);
    }

    /** Queues a received message, waiting at most {@code waitMillis} for room; false when there was none. */
    public boolean offer(Received r, long waitMillis) {
        if (!accepting) {
            return true; // taken and dropped unacknowledged: the broker delivers it again to the next session
        }
        try {
            return queue.offer(r, waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a write on the writer thread in its own transaction; paused ingest delays it too (to answer a person: {@link #await}). */
    public <T> CompletableFuture<T> submit(Database.Work<T> work) {
        WriteTask<T> task = new WriteTask<>(work, new CompletableFuture<>());
        if (Thread.currentThread() == thread) {
            // From a listener on this very thread: queue.put could wait on itself; run it after this batch.
            ownTasks.add(task);
        } else if (!running) {
            task.result().completeExceptionally(new StoreException("the store is closed", null));
        } else if (!queue.offer(task)) {
            // Never wait for room: a caller may hold a lock the writer's listener needs (a deadlock).
            overflow.add(task);
        }
        return task.result();
    }

    /** Waits for a submitted write at most 10 s; a store that is not writing is an error in words. */
    public <T> T await(CompletableFuture<T> write) {
        try {
            return write.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            String error = batches.error();
            throw new StoreException("the store did not write within 10 s" + (error == null ? "" : ": " + error), e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new StoreException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the store", e);
        }
    }

    public long backlog() {
        return queue.size();
    }

    public long stored() {
        return batches.stored();
    }

    public long duplicates() {
        return batches.duplicates();
    }

    /** Readings not stored because another reading holds their (pot, boot, seq), since start. */
    public long conflicts() {
        return batches.conflicts();
    }

    /** The last write error in words, null while writes succeed. */
    public String error() {
        return batches.error();
    }

    private void loop() {
        List<Object> batch = new ArrayList<>(MAX_BATCH);
        while (running) {
            try {
                for (WriteTask<?> t = overflow.poll(); t != null; t = overflow.poll()) {
                    run(t);
                }
                Object first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                gather.more(queue, batch, MAX_BATCH, atOnce, () -> running && overflow.isEmpty());
                List<Received> received = new ArrayList<>(batch.size());
                List<WriteTask<?>> tasks = new ArrayList<>();
                for (Object o : batch) {
                    if (o instanceof Received r) {
                        received.add(r);
                    } else {
                        tasks.add((WriteTask<?>) o);
                    }
                }
                batch.clear();
                if (!received.isEmpty()) {
                    batches.writeUntilDone(received);
                }
                for (WriteTask<?> t : tasks) {
                    run(t);
                }
                while (!ownTasks.isEmpty()) {
                    List<WriteTask<?>> mine = new ArrayList<>(ownTasks);
                    ownTasks.clear();
                    mine.forEach(this::run);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // A listener bug must not stop the writer (acks would stop too); it is reported, not hidden.
                System.err.println("mothership: store writer: " + e);
                e.printStackTrace();
            }
        }
        batches.moveInboxAtStop();
        failRemainingTasks();
    }

    /** Deletes a pot's rows on the writer thread, between batches, and forgets it there; completes with whether it had a row. */
    public CompletableFuture<Boolean> deletePot(String potId) {
        return submit(c -> {
            boolean had = PotRemoval.delete(c, potId);
            tables.forget(potId);
            boots.forget(potId);
            return had;
        });
    }

    /** At most this many pots registered by their first message; the rest are kept as junk. */
    public void limitPots(int max) {
        tables.limitPots(max);
    }

    /**
     * Caps a SQLite database at about this many bytes (0 = no cap): at the cap, writes fail as on a full
     * disk (SQLITE_FULL), ingest pauses, and it resumes once the cap is raised. Ignored on PostgreSQL.
     */
    public void limitSize(long bytes) {
        batches.limitSize(bytes);
    }

    private void run(WriteTask<?> t) {
        if (!t.runOn(db.writer(), db.describe())) {
            reopenQuietly();
        }
    }

    private void reopenQuietly() {
        try {
            batches.reopen();
        } catch (SQLException e) {
            // The next write reports it.
        }
    }

    private void failRemainingTasks() {
        List<Object> left = new ArrayList<>(queue);
        left.addAll(overflow);
        WriteTask.failAll(left);
        queue.clear();
        overflow.clear();
    }

    /**
     * A clean stop's first half, the link still up: takes no more messages; returns once what it holds (the gather's
     * batch too) is committed, acknowledged and told (at most 10 s), so no restart brings it back as duplicates.
     */
    public void finish() {
        accepting = false;
        try {
            submit(c -> null).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // A store that cannot write now: what it holds stays unacknowledged, and the broker keeps it.
        }
    }

    /** Stops after the batch in hand; what is still queued is not acknowledged, so the broker keeps it. */
    @Override
    public void close() {
        running = false;
        batches.wake();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
