package dev.smartpot.mothership.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on loopback that keeps every request it gets (ntfy, a JSON webhook, Telegram's Bot API as the
 * mothership would reach them) and answers with a chosen status. Stopped and started again on the same port, it
 * plays a receiver that is down for a while.
 */
public final class HookReceiver implements AutoCloseable {

    /** One request as received. */
    /** @param at when it arrived (System.nanoTime) */
    public record Request(String method, String path, Map<String, List<String>> headers, String body, long at) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final int port;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "{\"ok\":true}";
    private HttpServer server;
    private ExecutorService executor;

    public HookReceiver(int port) {
        this.port = port;
    }

    public synchronized HookReceiver start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        executor = Executors.newFixedThreadPool(2);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()), new String(body, StandardCharsets.UTF_8), System.nanoTime()));
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
        return this;
    }

    /** Down: connections are refused until {@link #start()}. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    public void answer(int status, String body) {
        this.status = status;
        this.answer = body;
    }

    public int port() {
        return port;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        stop();
    }
}
