package dev.smartpot.mothership.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smartpot.mothership.api.PlantState;
import dev.smartpot.mothership.web.security.LoginStore;

/**
 * The dashboard served beyond loopback: a login made at first start, sessions, the API token and the
 * cross-site protection. The server listens on every interface; the test only ever talks to 127.0.0.1.
 */
class WebLoginTest {

    private static final String BASIL = "/api/pots/a1b2c3d4e5f6";

    @TempDir
    Path data;
    FakeMothership engine;
    WebServer server;
    Http http;
    LoginStore.Created login;

    @BeforeEach
    void start() throws Exception {
        engine = new FakeMothership().addPot("a1b2c3d4e5f6", "Basil", "Kitchen", PlantState.OK, 10);
        server = WebServer.start(engine, new WebServer.Options("0.0.0.0", 0, data, false, Duration.ofSeconds(2)));
        http = new Http("http://127.0.0.1:" + server.port());
        login = server.createdLogin();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theFirstStartMakesALoginStoredOnlyAsHashes() throws Exception {
        assertNotNull(login, "a login is made at first start");
        assertEquals("admin", login.user());
        String file = Files.readString(data.resolve(LoginStore.FILE_NAME));
        assertFalse(file.contains(login.password()), "the password is not stored");
        assertFalse(file.contains(login.apiToken()), "the token is not stored");
        assertTrue(file.contains("pbkdf2-sha256$"), file);
        server.close();
        server = WebServer.start(engine, new WebServer.Options("0.0.0.0", 0, data, false, Duration.ofSeconds(2)));
        assertNull(server.createdLogin(), "a second start keeps the login");
        http = new Http("http://127.0.0.1:" + server.port());
        assertEquals(200, http.post("/api/login", credentials(login.password())).status());
    }

    @Test
    void withoutALoginTheApiIsClosedButThePageFilesAndHealthAreNot() {
        assertEquals(401, http.get("/api/pots").status());
        assertTrue(http.get("/api/pots").json().get("fix").asText().contains("/login.html"));
        assertEquals(401, http.post(BASIL + "/commands", "water 100").status());
        assertTrue(engine.commands.isEmpty());
        assertEquals(200, http.get("/health").status());
        assertEquals(200, http.get("/login.html").status());
        assertTrue(http.get("/api/session").json().get("login_required").asBoolean());
    }

    @Test
    void aPersonLogsInWithACookieThatScriptsCannotReadAndOtherSitesCannotSend() {
        assertEquals(401, http.post("/api/login", credentials("wrong")).status());
        assertEquals(403, http.postBare("/api/login", credentials(login.password())).status(), "login needs the protection header too");
        Http.Reply ok = http.post("/api/login", credentials(login.password()));
        assertEquals(200, ok.status(), ok.body());
        String setCookie = ok.raw().headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        assertEquals(200, http.get("/api/pots", "Cookie", cookie).status());
        assertEquals(403, http.postBare(BASIL + "/commands", "water 100", "Cookie", cookie).status(), "a cross-site form post");
        assertEquals(403, http.post(BASIL + "/commands", "water 100", "Cookie", cookie, "Origin", "http://evil.example").status());
        assertTrue(engine.commands.isEmpty(), "nothing reached the pot");
        assertEquals(200, http.post(BASIL + "/commands", "water 100", "Cookie", cookie).status());
        assertEquals("admin", engine.commands.get(0).by(), "the log names the person");

        assertEquals(200, http.post("/api/logout", "", "Cookie", cookie).status());
        assertEquals(401, http.get("/api/pots", "Cookie", cookie).status(), "logged out means logged out");
    }

    @Test
    void scriptsUseTheApiToken() {
        String bearer = "Bearer " + login.apiToken();
        assertEquals(200, http.get("/api/pots", "Authorization", bearer).status());
        Http.Reply sent = http.postBare(BASIL + "/commands", "read", "Authorization", bearer);
        assertEquals(200, sent.status(), sent.body());
        assertEquals("api-token", engine.commands.get(0).by());
        assertEquals(401, http.get("/api/pots", "Authorization", "Bearer not-the-token").status());
    }

    @Test
    void fiveWrongPasswordsLockTheAddressOutForAWhile() {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, http.post("/api/login", credentials("guess" + i)).status());
        }
        Http.Reply locked = http.post("/api/login", credentials(login.password()));
        assertEquals(429, locked.status(), "even the right password waits");
        assertTrue(locked.json().get("fix").asText().startsWith("wait until"), locked.body());
    }

    @Test
    void resetLoginMakesANewPasswordAndTheOldOneStopsWorking() throws Exception {
        server.close();
        server = WebServer.start(engine, new WebServer.Options("0.0.0.0", 0, data, true, Duration.ofSeconds(2)));
        http = new Http("http://127.0.0.1:" + server.port());
        assertNotNull(server.createdLogin());
        assertEquals(401, http.post("/api/login", credentials(login.password())).status());
        assertEquals(200, http.post("/api/login", credentials(server.createdLogin().password())).status());
    }

    private static String credentials(String password) {
        return "{\"username\":\"admin\",\"password\":\"" + password + "\"}";
    }
}
