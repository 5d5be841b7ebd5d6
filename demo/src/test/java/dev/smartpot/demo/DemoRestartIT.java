package dev.smartpot.demo;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Stopping and starting the demo on the same data goes on where it was: each pot boots with the next boot number (its
 * RTC memory and sequence mark live under the data directory, as on a board), so its new readings are stored, not
 * thrown away as duplicates of the last run's, and every pot is OK again.
 */
class DemoRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static JsonNode get(DemoSystem demo, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(demo.dashboardUrl() + path.substring(1)))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    private static DemoSystem start(Path data) throws Exception {
        // Fern and Aloe: neither is watered or dries out within the test, so both are OK while heard.
        return DemoSystem.start(new DemoSystem.Options(3, Duration.ofMillis(300), "127.0.0.1", 0, 0, data, line -> { }));
    }

    private static long stored(DemoSystem demo) throws Exception {
        return get(demo, "/health").get("readings_stored").asLong();
    }

    @Test
    void aRestartedDemoStoresEveryNewReadingAndItsPotsAreOkAgain() throws Exception {
        Path data = Files.createDirectories(Path.of("target", "demo-restart-it")).toAbsolutePath();
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(data)).forEach(p -> p.toFile().delete());
        }
        long before;
        try (DemoSystem first = start(data)) {
            String id = first.pots().get(1).clientId();
            await().atMost(Duration.ofSeconds(60)).until(() -> get(first, "/api/pots/" + id + "/readings").size() >= 5);
            before = stored(first);
        }
        try (DemoSystem second = start(data)) {
            long afterRestart = stored(second);
            await("every pot OK within 20 s").atMost(Duration.ofSeconds(20)).until(() -> {
                JsonNode pots = get(second, "/api/pots");
                for (int i = 1; i < 3; i++) {
                    String id = second.pots().get(i).clientId();
                    boolean ok = false;
                    for (JsonNode p : pots) {
                        ok |= p.get("id").asText().equals(id) && p.get("state").asText().equals("OK");
                    }
                    if (!ok) {
                        return false;
                    }
                }
                return true;
            });
            await("new readings stored").atMost(Duration.ofSeconds(20)).until(() -> stored(second) >= afterRestart + 10);
            JsonNode health = get(second, "/health");
            assertEquals(0, health.get("duplicates_ignored").asLong(), "no reading of the new run was taken for an old one: "
                    + health);
        }
        assertEquals(true, before > 0);
    }
}
