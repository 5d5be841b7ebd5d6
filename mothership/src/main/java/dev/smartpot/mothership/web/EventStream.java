package dev.smartpot.mothership.web;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.smartpot.mothership.api.Mothership;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;

/**
 * {@code GET /api/events}: the engine's live events as server-sent events, one SSE event per
 * {@link dev.smartpot.mothership.api.Event} with its type as the event name and its view as JSON data.
 * A comment every 15 s keeps proxies from closing an idle stream and finds clients that went away. At most
 * {@link #MAX_CLIENTS} streams are open at once: each holds a subscription and a connection on a small Pi.
 */
final class EventStream implements AutoCloseable {

    /** A household's phones and laptops with room to spare; a flood of streams gets 503 instead. */
    static final int MAX_CLIENTS = 16;

    private final Mothership mothership;
    private final ObjectMapper json;
    /** Streams admitted and not yet closed (counted from admission, so two at once cannot both take the last place). */
    private final AtomicInteger open = new AtomicInteger();
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sse-ping");
        t.setDaemon(true);
        return t;
    });

    EventStream(Mothership mothership, ObjectMapper json) {
        this.mothership = mothership;
        this.json = json;
        pinger.scheduleAtFixedRate(this::ping, 15, 15, TimeUnit.SECONDS);
    }

    /** Before the stream opens: refuses it when {@link #MAX_CLIENTS} are open. */
    void admit(Context ctx) {
        if (open.incrementAndGet() > MAX_CLIENTS) {
            open.decrementAndGet();
            throw new TooBusy(MAX_CLIENTS + " live event streams are already open",
                    "close a dashboard tab or two; streams of closed tabs are freed within 15 s");
        }
    }

    void accept(SseClient client) {
        client.keepAlive();
        clients.add(client);
        AutoCloseable subscription = mothership.subscribe(event -> {
            try {
                // Serialized here, with the API's own mapper, so events and REST answers look alike.
                client.sendEvent(event.type(), json.writeValueAsString(event.data()));
            } catch (Exception gone) {
                client.close();
            }
        });
        client.onClose(() -> {
            if (clients.remove(client)) {
                open.decrementAndGet();
            }
            try {
                subscription.close();
            } catch (Exception ignored) {
                // The engine's handle; nothing more to free on our side.
            }
        });
        // Sent once subscribed: a page loads its snapshot on it, not on the stream's open (the headers go out before
        // this runs, and an event between the two would be in neither).
        client.sendEvent("ready", "{}");
    }

    private void ping() {
        for (SseClient client : clients) {
            try {
                client.sendComment("ping");
            } catch (Exception gone) {
                client.close();
            }
        }
    }

    @Override
    public void close() {
        pinger.shutdownNow();
        for (SseClient client : clients) {
            client.close();
        }
    }
}
