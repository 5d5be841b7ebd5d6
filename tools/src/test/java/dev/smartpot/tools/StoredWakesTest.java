package dev.smartpot.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * {@code scripts/board-report --mothership URL POT} against a stand-in for the mothership's API (the JSON as its
 * {@code GET /api/pots/{id}} and {@code /wakes} write it; BatteryPotWakesIT runs it against the real one): a pot that
 * names its board is "measured on the board", a missing pot or a login names the fix.
 */
class StoredWakesTest {

    private static final String WAKE = "{\"pot_id\":\"b0a4d5e6f7a8\",\"boot\":4,\"seq\":%d,\"received_at\":\"2026-12-07T09:41:00Z\","
            + "\"reset\":\"%s\",\"boot_ms\":412,\"boot_modelled\":false,\"read_ms\":2,\"wifi_ms\":%d,\"address_ms\":null,"
            + "\"mqtt_ms\":%d,\"publish_ms\":9,\"readings\":4,\"listen_ms\":50,\"awake_ms\":%d,\"round_trips\":5}";

    /** As ConnectView writes it (a -1 below is written as null). */
    private static final String CONNECT = "{\"pot_id\":\"c0ffee000001\",\"boot\":2,\"connect\":%d,"
            + "\"received_at\":\"2026-12-07T09:41:00Z\",\"reset\":\"power-on\",\"boot_ms\":null,\"wifi_ms\":%d,"
            + "\"address_ms\":null,\"mqtt_ms\":%d,\"session_ms\":%d,\"first_publish_ms\":%d,\"up_ms\":5000,\"reason\":%s}";

    private HttpServer api;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serve("/api/pots/b0a4d5e6f7a8", 200, "{\"id\":\"b0a4d5e6f7a8\",\"board\":\"esp-wrover-kit\",\"status\":\"asleep\"}");
        serve("/api/pots/b0a4d5e6f7a8/wakes", 200, "[" + String.format(WAKE, 0, "power-on", 1710, 1500, 4100) + ","
                + String.format(WAKE, 4, "deep-sleep", 280, 30, 900) + "," + String.format(WAKE, 8, "deep-sleep", 300, 50, 1000)
                + "," + String.format(WAKE, 12, "deep-sleep", 290, 40, 950) + "]");
        serve("/api/pots/c0ffee000001", 200, "{\"id\":\"c0ffee000001\",\"status\":\"online\"}");
        serve("/api/pots/c0ffee000001/wakes", 200, "[]");
        serve("/api/pots/c0ffee000001/connects", 200, ("[" + String.format(CONNECT, 1, 1700, 35, 8, 1750, "null") + ","
                + String.format(CONNECT, 2, -1, 30, 6, 41, "\"connection lost: broker gone\"") + ","
                + String.format(CONNECT, 3, 900, 40, 9, 960, "\"WiFi connection lost\"") + ","
                + String.format(CONNECT, 4, -1, 20, 5, 30, "\"connection lost: broker gone\"") + "]").replace(":-1,", ":null,"));
        serve("/api/pots/c0ffee000002", 200, "{\"id\":\"c0ffee000002\",\"status\":\"online\"}");
        serve("/api/pots/c0ffee000002/wakes", 200, "[]");
        serve("/api/pots/c0ffee000002/connects", 200, "[]");
        serve("/api/pots/nosuchpot", 404, "{\"error\":\"no pot nosuchpot\"}");
        api.start();
    }

    private void serve(String path, int status, String body) {
        api.createContext(path, exchange -> {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }

    @AfterEach
    void stop() {
        api.stop(0);
    }

    private int run(String... args) {
        return BoardReport.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String url() {
        return "http://127.0.0.1:" + api.getAddress().getPort();
    }

    @Test
    void aPotThatNamesItsBoardIsMeasuredAndItsFirstWakeLeftOut() {
        assertEquals(BoardReport.OK, run("--mothership", url(), "b0a4d5e6f7a8"), err.toString(StandardCharsets.UTF_8));
        String table = out.toString(StandardCharsets.UTF_8);
        assertTrue(table.startsWith("A pot on batteries, measured on the board, pot b0a4d5e6f7a8 on esp-wrover-kit as the"
                + " mothership stored its wakes: 4 wakes, 4 publishing; the table is over the 3 publishing wakes"), table);
        assertTrue(table.contains("| WiFi join | 290 / 300 | measured on the board |"), table);
        assertTrue(table.contains("| MQTT connect | 40 / 50 |"), table);
        assertTrue(table.contains("| boot | 412 / 412 | measured on the board: ESP-IDF's start to Java's main"), table);
        assertTrue(table.contains("| awake per publishing wake, all phases | 950 / 1000 |"), table);
    }

    @Test
    void aMissingPotOrAnUnreachableMothershipNamesTheFix() throws IOException {
        assertEquals(BoardReport.USAGE, run("--mothership", url(), "nosuchpot"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no such pot"), err.toString(StandardCharsets.UTF_8));
        err.reset();
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        assertEquals(BoardReport.USAGE, run("--mothership", "http://127.0.0.1:" + closed, "b0a4d5e6f7a8"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Fix: pass the mothership's address"),
                err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(BoardReport.USAGE, run("--mothership", url()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("usage: scripts/board-report --mothership"));
    }

    @Test
    void anAlwaysOnPotsConnectsMakeItsTableWithTheReasonsItReconnected() {
        assertEquals(BoardReport.OK, run("--mothership", url(), "c0ffee000001"), err.toString(StandardCharsets.UTF_8));
        String table = out.toString(StandardCharsets.UTF_8);
        assertTrue(table.startsWith("An always-on pot, simulated, pot c0ffee000001 as the mothership stored its connects:"
                + " 4 connects, 3 of them reconnects."), table);
        assertTrue(table.contains("| WiFi join (when it had to join) | 2 | 1300 / 1700 |"), table);
        assertTrue(table.contains("| MQTT connect (CONNECT to CONNACK) | 4 | 33 / 40 |"), table);
        assertTrue(table.contains("| **from the connect's start to its first publish** | 4 | 501 / 1750 |"), table);
        assertTrue(table.contains("| connection lost: broker gone | 2 |\n| WiFi connection lost | 1 |"), table);
    }

    @Test
    void aPotWithNeitherWakesNorConnectsNamesTheFix() {
        assertEquals(BoardReport.NOTHING, run("--mothership", url(), "c0ffee000002"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no connect record"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void fieldsAreReadFromTheFlatJson() {
        Map<String, String> f = StoredWakes.fields(String.format(WAKE, 4, "deep-sleep", 280, 30, 900));
        assertEquals("deep-sleep", f.get("reset"));
        assertEquals("280", f.get("wifi_ms"));
        assertTrue(!f.containsKey("address_ms"), "null is left out");
        BoardReport.Wake w = StoredWakes.wake(f);
        assertEquals(280, w.join());
        assertEquals(900, w.awake());
        assertEquals(4, w.readings());
    }
}
