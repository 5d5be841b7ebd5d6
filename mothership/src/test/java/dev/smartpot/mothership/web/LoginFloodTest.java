package dev.smartpot.mothership.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smartpot.mothership.api.PlantState;

/**
 * Issue 23, hole 8: 60-90 password guesses sent at once were all checked before the first failure was counted
 * (PBKDF2 runs first), and the lock-out was per address only. The server listens on every interface with a
 * login; guesses come from 127.0.0.1 and from many loopback addresses (127.0.0.2 ...).
 */
class LoginFloodTest {

    @TempDir
    Path data;
    WebServer server;
    ExecutorService pool = Executors.newFixedThreadPool(30);

    @BeforeEach
    void start() throws Exception {
        server = WebServer.start(new FakeMothership().addPot("a1b2c3d4e5f6", "Basil", "Kitchen", PlantState.OK, 1),
                new WebServer.Options("0.0.0.0", 0, data, false, Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        server.close();
    }

    @Test
    void sixtyGuessesAtOnceFromOneAddressGetFiveChecks() throws Exception {
        List<CompletableFuture<String>> guesses = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String guess = "guess" + i;
            guesses.add(CompletableFuture.supplyAsync(() -> login("127.0.0.1", guess), pool));
        }
        int checked = 0;
        for (CompletableFuture<String> g : guesses) {
            String status = g.get(60, TimeUnit.SECONDS);
            assertTrue(status.startsWith("HTTP/1.1 401") || status.startsWith("HTTP/1.1 429"), status);
            checked += status.startsWith("HTTP/1.1 401") ? 1 : 0;
        }
        assertTrue(checked <= 5, checked + " of 60 guesses were checked; expected at most 5");
        assertTrue(login("127.0.0.1", server.createdLogin().password()).startsWith("HTTP/1.1 429"), "even the right one now waits");
    }

    @Test
    void guessesFromManyAddressesShareTheServersLimit() throws Exception {
        int checked = 0;
        String last = "";
        for (int i = 2; i < 42; i++) {
            last = login("127.0.0." + i, "guess" + i);
            checked += last.startsWith("HTTP/1.1 401") ? 1 : 0;
        }
        assertEquals(30, checked, "30 a minute on the whole server");
        assertTrue(last.startsWith("HTTP/1.1 429"), last);
    }

    /** A login POST from {@code from} (a loopback address), over a plain socket; returns the status line. */
    private String login(String from, String password) {
        String body = "{\"username\":\"admin\",\"password\":\"" + password + "\"}";
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(from, 0));
            s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            s.setSoTimeout(30_000);
            s.getOutputStream().write(("POST /api/login HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                    + "\r\nX-SmartPot-Request: 1\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                    + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
