package dev.smartpot.mothership.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smartpot.mothership.api.PlantState;
import dev.smartpot.testkit.Processes;

/**
 * Issue 23, hole 4: on loopback the guard accepted any Host starting with "127.", so a page on
 * 127.attacker.example (its DNS rebound to 127.0.0.1) drove the dashboard. Headless Chromium, told that the
 * name resolves to 127.0.0.1, is the browser of that attack.
 */
class DnsRebindingIT {

    private static final String POT = "a1b2c3d4e5f6";

    @TempDir
    Path data;
    WebServer server;

    @BeforeEach
    void start() throws Exception {
        FakeMothership engine = new FakeMothership().addPot(POT, "Basil", "Kitchen", PlantState.OK, 10);
        server = WebServer.start(engine, new WebServer.Options("127.0.0.1", 0, data, false, Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aBrowserOnARebindingNameThatStartsWith127GetsNothing() throws Exception {
        String rebound = chromiumDump("http://127.attacker.example:" + server.port() + "/api/pots");
        assertFalse(rebound.contains(POT), rebound);
        assertTrue(rebound.contains("is not this loopback-only server"), rebound);
        String direct = chromiumDump("http://127.0.0.1:" + server.port() + "/api/pots");
        assertTrue(direct.contains(POT), "the same browser on the real address sees the pots: " + direct);
    }

    @Test
    void onlyLocalhostAndLoopbackLiteralsPass() throws Exception {
        int port = server.port();
        for (String host : new String[] {"127.attacker.example", "127.0.0.1.nip.io", "127.0.0.1.", "localhost.evil.example",
                "127.0.0.256", "127.1", "[::1].evil.example", "[::ffff:7f00:1]x", "127.0.0.1:80@evil.example"}) {
            // 421 from the guard, or 400 where Jetty already finds the Host malformed: never the pots.
            String status = statusLine(port, host);
            assertTrue(status.equals("HTTP/1.1 421 Misdirected Request") || status.equals("HTTP/1.1 400 Bad Request"), host + ": " + status);
        }
        for (String host : new String[] {"127.0.0.1:" + port, "localhost:" + port, "LOCALHOST", "127.9.8.7", "[::1]:" + port,
                "[0:0:0:0:0:0:0:1]"}) {
            assertEquals("HTTP/1.1 200 OK", statusLine(port, host), host);
        }
    }

    private static String statusLine(int port, String host) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET /api/pots HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    /** What Chromium shows for {@code url}, with every *.attacker.example name resolving to 127.0.0.1. */
    private String chromiumDump(String url) throws Exception {
        Path profile = Files.createTempDirectory(Files.createDirectories(Path.of("target", "chromium").toAbsolutePath()), "profile-");
        ProcessBuilder chromium = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--user-data-dir=" + profile, "--host-resolver-rules=MAP *.attacker.example 127.0.0.1",
                "--dump-dom", url);
        Processes.Finished done = Processes.run(chromium, Duration.ofSeconds(60));
        assertEquals(0, done.exitCode(), done.output());
        return done.output();
    }
}
