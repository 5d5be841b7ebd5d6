package dev.smartpot.mothership.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.smartpot.mothership.testing.HookReceiver;
import dev.smartpot.mothership.testing.MainProcess;
import dev.smartpot.mothership.testing.ScriptedPot;
import dev.smartpot.testkit.Loopback;
import dev.smartpot.testkit.Mosquitto;

/**
 * Issue 21's "done when" for notifications, with the real command line, a real broker and a real HTTP receiver: a pot
 * going DRY gives exactly one POST within 10 s; with the receiver down and the mothership SIGKILLed and restarted, the
 * WET alert raised meanwhile arrives exactly once when the receiver is back, and the DRY one is not sent again. The
 * secret of a --notify-file target shows nowhere: not in /proc/PID/cmdline, the log or the API.
 */
class NotifyIT {

    private static final String SECRET = "hunter22-never-shown";
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void dryOnceThenWetOnceAcrossAReceiverOutageAndASigkill() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target", "it-data").toAbsolutePath()), "notify-");
        int http = Loopback.freePort();
        try (Mosquitto broker = Mosquitto.start(); HookReceiver receiver = new HookReceiver(Loopback.freePort()).start()) {
            Path file = data.resolve("notify.urls");
            Files.writeString(file, "# only low batteries, with a login\njson://pi:" + SECRET + "@127.0.0.1:" + receiver.port()
                    + "/batteries?kinds=LOW_BATTERY\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            try (MainProcess mothership = new MainProcess(data.resolve("child.log"), List.of("--broker", broker.uri(),
                    "--http", "127.0.0.1:" + http, "--data", data.resolve("m").toString(), "--link-timeout", "0",
                    "--notify", "json://127.0.0.1:" + receiver.port() + "/hook", "--notify-file", file.toString(),
                    "--notify-retry-max", "1s"));
                 ScriptedPot basil = new ScriptedPot("basil1", broker.port())) {
                mothership.start();
                assertFalse(Files.readString(Path.of("/proc/" + mothership.pid() + "/cmdline")).contains(SECRET));
                String targets = get(http, "/api/notify/targets");
                assertTrue(targets.contains("json://pi:***@127.0.0.1:" + receiver.port() + "/batteries?kinds=LOW_BATTERY"), targets);
                assertFalse(targets.contains(SECRET), targets);

                long published = System.nanoTime();
                basil.publishReading(1, 10, 1000);
                await().atMost(Duration.ofSeconds(10)).until(() -> hooks(receiver, "DRY").size() == 1);
                JsonNode dry = json.readTree(hooks(receiver, "DRY").get(0).body());
                assertEquals("DRY", dry.get("kind").asText());
                assertEquals("basil1", dry.get("pot_id").asText());
                assertEquals("http://127.0.0.1:" + http + "/#/pot/basil1", dry.get("link").asText());
                System.out.println("NotifyIT: the DRY POST's body: " + hooks(receiver, "DRY").get(0).body());
                System.out.println("NotifyIT: the DRY POST arrived " + (hooks(receiver, "DRY").get(0).at() - published) / 1_000_000
                        + " ms after the dry reading was published");
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> hooks(receiver, "DRY").size() == 1);

                receiver.stop();
                basil.publishReading(2, 95, 2000);
                await().atMost(Duration.ofSeconds(15)).until(() -> mothership.sinceStart().contains("alert 2 (WET) failed"));
                mothership.kill();
                mothership.start();
                await().atMost(Duration.ofSeconds(15)).until(() -> mothership.sinceStart().contains("alert 2 (WET) failed"));
                receiver.start();
                await().atMost(Duration.ofSeconds(15)).until(() -> hooks(receiver, "WET").size() == 1);
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> hooks(receiver, "WET").size() == 1);
                assertEquals(1, hooks(receiver, "DRY").size(), "the DRY alert is not sent again");
                // Whatever else the pot's silence raised (STALE): each alert once.
                List<Long> ids = hooks(receiver, null).stream().map(r -> read(r).get("alert_id").asLong()).toList();
                assertEquals(ids.size(), ids.stream().distinct().count(), "no alert sent twice: " + ids);
                JsonNode wet = json.readTree(hooks(receiver, "WET").get(0).body());
                assertEquals("WET", wet.get("kind").asText());
                assertEquals(2, wet.get("alert_id").asLong());
                assertTrue(receiver.requests().stream().noneMatch(r -> r.path().equals("/batteries")), "kinds=LOW_BATTERY only");

                String deliveries = get(http, "/api/notify/deliveries?alert=2");
                JsonNode list = json.readTree(deliveries);
                assertEquals(1, list.size(), deliveries);
                assertEquals("sent", list.get(0).get("status").asText());
                assertTrue(list.get(0).get("attempts").asInt() >= 3, deliveries);
                assertFalse(mothership.output().contains(SECRET), "the log never shows the secret");
            }
        }
    }

    /** The POSTs to /hook, of one kind of alert (null: all). */
    private List<HookReceiver.Request> hooks(HookReceiver receiver, String kind) {
        return receiver.requests().stream().filter(r -> r.path().equals("/hook"))
                .filter(r -> kind == null || kind.equals(read(r).get("kind").asText())).toList();
    }

    private JsonNode read(HookReceiver.Request r) {
        try {
            return json.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + r.body(), e);
        }
    }

    private static String get(int port, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }
}
