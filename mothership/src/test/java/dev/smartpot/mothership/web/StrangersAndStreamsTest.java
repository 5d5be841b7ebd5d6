package dev.smartpot.mothership.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smartpot.mothership.api.PlantState;

/**
 * Issue 23, hole 12: /health told anyone the broker's address, the database's path and the counts, and any
 * number of live event streams could be opened.
 */
class StrangersAndStreamsTest {

    @TempDir
    Path data;

    @Test
    void aStrangerLearnsOnlyWhetherThePiIsFine() throws Exception {
        FakeMothership engine = new FakeMothership().addPot("a1b2c3d4e5f6", "Basil", "Kitchen", PlantState.OK, 10);
        try (WebServer server = WebServer.start(engine, new WebServer.Options("0.0.0.0", 0, data, false, Duration.ofSeconds(2)))) {
            Http http = new Http("http://127.0.0.1:" + server.port());
            Http.Reply stranger = http.get("/health");
            assertEquals(200, stranger.status());
            assertEquals("{\"ok\":true}", stranger.body());
            engine.healthy = false;
            Http.Reply down = http.get("/health");
            assertEquals(503, down.status());
            assertEquals("{\"ok\":false}", down.body());
            Http.Reply owner = http.get("/health", "Authorization", "Bearer " + server.createdLogin().apiToken());
            assertTrue(owner.body().contains("\"broker\":\"tcp://127.0.0.1:1883\""), owner.body());
        }
    }

    @Test
    void liveEventStreamsAreCapped() throws Exception {
        FakeMothership engine = new FakeMothership();
        List<InputStream> streams = new ArrayList<>();
        try (WebServer server = WebServer.start(engine, new WebServer.Options("127.0.0.1", 0, data, false, Duration.ofSeconds(2)))) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest events = HttpRequest.newBuilder(URI.create(server.url() + "api/events")).header("Accept", "text/event-stream")
                    .timeout(Duration.ofSeconds(10)).build();
            for (int i = 0; i < EventStream.MAX_CLIENTS; i++) {
                HttpResponse<InputStream> open = client.send(events, HttpResponse.BodyHandlers.ofInputStream());
                assertEquals(200, open.statusCode(), "stream " + (i + 1));
                streams.add(open.body());
            }
            // As a stream: an admitted one would never end, a refused one ends with its error.
            HttpResponse<InputStream> refused = client.send(events, HttpResponse.BodyHandlers.ofInputStream());
            streams.add(refused.body());
            assertEquals(503, refused.statusCode(), "the stream after the limit is refused");
            String error = new String(refused.body().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(error.contains("live event streams are already open"), error);
            assertEquals(200, new Http(server.url()).get("/api/pots").status(), "the rest of the API still answers");
        } finally {
            for (InputStream s : streams) {
                s.close();
            }
        }
    }
}
