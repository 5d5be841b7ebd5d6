package dev.smartpot.mothership.web;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.smartpot.mothership.api.Mothership;
import io.javalin.http.sse.SseClient;

/**
 * {@code GET /api/events}: the engine's live events as server-sent events, one SSE event per
 * {@link dev.smartpot.mothership.api.Event} with its type as the event name and its view as JSON data.
 * A comment every 15 s keeps proxies from closing an idle stream and finds clients that went away.
 */
final class EventStream implements AutoCloseable {

    private final Mothership mothership;
    private final ObjectMapper json;
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
            clients.remove(client);
            try {
                subscription.close();
            } catch (Exception ignored) {
                // The engine's handle; nothing more to free on our side.
            }
        });
        client.sendComment("connected");
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
