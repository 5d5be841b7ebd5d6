package dev.smartpot.mothership.engine;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import dev.smartpot.mothership.api.Event;

/**
 * Live events to listeners (the dashboard's server-sent events). Each listener has its own bounded
 * queue and thread: a slow listener loses its oldest-pending events (counted) and never slows the
 * ingest or another listener.
 */
final class EventBus implements AutoCloseable {

    private static final int QUEUE = 10_000;

    private final CopyOnWriteArrayList<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();

    void publish(Event e) {
        for (Subscription s : subscriptions) {
            if (!s.queue.offer(e)) {
                dropped.incrementAndGet();
            }
        }
    }

    long dropped() {
        return dropped.get();
    }

    AutoCloseable subscribe(Consumer<Event> listener) {
        Subscription s = new Subscription(listener);
        subscriptions.add(s);
        s.thread.start();
        return s;
    }

    @Override
    public void close() {
        for (Subscription s : subscriptions) {
            s.close();
        }
    }

    private final class Subscription implements AutoCloseable {
        final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE);
        final Thread thread;
        volatile boolean open = true;

        Subscription(Consumer<Event> listener) {
            thread = new Thread(() -> {
                while (open) {
                    try {
                        Event e = queue.poll(200, TimeUnit.MILLISECONDS);
                        if (e != null) {
                            listener.accept(e);
                        }
                    } catch (InterruptedException ie) {
                        return;
                    } catch (RuntimeException re) {
                        // One listener's bug costs that listener one event, nothing else.
                        System.err.println("mothership: event listener failed: " + re);
                    }
                }
            }, "mothership-events");
            thread.setDaemon(true);
        }

        @Override
        public void close() {
            open = false;
            subscriptions.remove(this);
            thread.interrupt();
        }
    }
}
