package dev.smartpot.mothership.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.smartpot.mothership.MothershipApp;
import dev.smartpot.mothership.testing.HookReceiver;
import dev.smartpot.testkit.Loopback;

/**
 * The dashboard's notification settings through the API of a real mothership: a target added with a password is
 * stored but only ever shown masked, its test message arrives (or says why not), and a bad URL is a 400 with the fix.
 */
class NotifyApiTest {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private MothershipApp app;
    private HookReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target", "notify-tests")).toAbsolutePath(), "api-");
        app = MothershipApp.start(new MothershipApp.Options(null, 0, "127.0.0.1", 0, data, null, null, null, false, null));
        receiver = new HookReceiver(Loopback.freePort()).start();
    }

    @AfterEach
    void stop() {
        receiver.close();
        app.close();
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.dashboardUrl() + path.substring(1)))
                .timeout(Duration.ofSeconds(20)).header("X-SmartPot-Request", "1").header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTargetWithAPasswordIsKeptButShownOnlyMasked() throws Exception {
        String url = "json://grower:hunter22@127.0.0.1:" + receiver.port() + "/hook?kinds=DRY";
        HttpResponse<String> added = call("POST", "/api/notify/targets", json.writeValueAsString(java.util.Map.of("url", url)));
        assertEquals(201, added.statusCode(), added.body());
        JsonNode t = json.readTree(added.body());
        assertEquals("json://grower:***@127.0.0.1:" + receiver.port() + "/hook?kinds=DRY", t.get("shown").asText());
        assertEquals("settings", t.get("source").asText());
        String listed = call("GET", "/api/notify/targets", null).body();
        assertTrue(listed.contains(t.get("key").asText()) && !listed.contains("hunter22"), listed);

        JsonNode test = json.readTree(call("POST", "/api/notify/targets/" + t.get("key").asText() + "/test", null).body());
        assertTrue(test.get("ok").asBoolean(), test.toString());
        HookReceiver.Request got = receiver.requests().get(0);
        assertEquals("test", json.readTree(got.body()).get("event").asText());
        assertEquals("Basic Z3Jvd2VyOmh1bnRlcjIy", got.header("Authorization"), "grower:hunter22");

        receiver.stop();
        JsonNode down = json.readTree(call("POST", "/api/notify/targets/" + t.get("key").asText() + "/test", null).body());
        assertFalse(down.get("ok").asBoolean());
        assertTrue(down.get("error").asText().startsWith("cannot reach json://grower:***@127.0.0.1:"), down.toString());
        assertFalse(down.toString().contains("hunter22"));

        HttpResponse<String> again = call("POST", "/api/notify/targets", json.writeValueAsString(java.util.Map.of("url", url)));
        assertEquals(400, again.statusCode());
        assertTrue(again.body().contains("configured already") && !again.body().contains("hunter22"), again.body());

        assertEquals(204, call("DELETE", "/api/notify/targets/" + t.get("key").asText(), null).statusCode());
        assertEquals("[]", call("GET", "/api/notify/targets", null).body());
    }

    @Test
    void aBadUrlIsRefusedWithTheFix() throws Exception {
        HttpResponse<String> r = call("POST", "/api/notify/targets", "{\"url\":\"mailtos://me:pw@smtp.example.com\"}");
        assertEquals(400, r.statusCode());
        JsonNode e = json.readTree(r.body());
        assertTrue(e.get("error").asText().contains("needs someone to write to") && e.get("error").asText().contains("?to="),
                r.body());
        HttpResponse<String> noBody = call("POST", "/api/notify/targets", "{}");
        assertEquals(400, noBody.statusCode());
        assertTrue(noBody.body().contains("{\\\"url\\\""), noBody.body());
        HttpResponse<String> cmdline = call("DELETE", "/api/notify/targets/0123456789abcdef", null);
        assertEquals(400, cmdline.statusCode());
        assertTrue(cmdline.body().contains("GET /api/notify/targets"), cmdline.body());
    }
}
