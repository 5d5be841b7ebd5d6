package dev.smartpot.mothership.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smartpot.mothership.api.PlantState;

/**
 * Issue 23, holes 6 and 10: a CSV export over a huge range queried window after empty window (and went on after
 * the client left: nothing was written, so nothing failed); any number ran at once; and the formula guard let a
 * cell through that starts with a tab, a carriage return or spaces before "=".
 */
class CsvExportLimitsTest {

    private static final String POT = "a1b2c3d4e5f6";
    /** 1970 to the end of year 9999, in epoch milliseconds. */
    private static final String EVERYTHING = "?from=0&to=253402300799999";

    @TempDir
    Path data;
    FakeMothership engine;
    WebServer server;

    @BeforeEach
    void start() throws Exception {
        engine = new FakeMothership().addPot(POT, "Basil", "Kitchen", PlantState.OK, 30);
        server = WebServer.start(engine, new WebServer.Options("127.0.0.1", 0, data, false, Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        CountDownLatch gate = engine.readingsGate;
        if (gate != null) {
            gate.countDown();
        }
        server.close();
    }

    @Test
    void anExportFrom1970To9999CostsAFewDozenQueries() {
        Http.Reply csv = new Http(server.url()).get("/api/pots/" + POT + "/readings.csv" + EVERYTHING);
        assertEquals(200, csv.status());
        assertEquals(31, csv.body().split("\n").length, "the header and all 30 readings");
        assertTrue(engine.readingQueries.get() < 200, engine.readingQueries.get() + " queries (6-hour windows would be 11.7 million)");
    }

    @Test
    void atMostTwoExportsRunAtOnce() throws Exception {
        engine.readingsGate = new CountDownLatch(1);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest export = HttpRequest.newBuilder(URI.create(server.url() + "api/pots/" + POT + "/readings.csv" + EVERYTHING))
                .timeout(Duration.ofSeconds(30)).build();
        List<CompletableFuture<HttpResponse<String>>> running = new ArrayList<>();
        for (int i = 0; i < PotRoutes.MAX_CSV_EXPORTS; i++) {
            running.add(client.sendAsync(export, HttpResponse.BodyHandlers.ofString()));
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> engine.readingQueries.get() == PotRoutes.MAX_CSV_EXPORTS);
        HttpResponse<String> third = client.send(export, HttpResponse.BodyHandlers.ofString());
        assertEquals(503, third.statusCode(), third.body());
        assertTrue(third.body().contains("CSV exports are already running"), third.body());

        engine.readingsGate.countDown();
        for (CompletableFuture<HttpResponse<String>> r : running) {
            assertEquals(200, r.get(30, TimeUnit.SECONDS).statusCode());
        }
        assertEquals(200, client.send(export, HttpResponse.BodyHandlers.ofString()).statusCode(), "a slot is free again");
    }

    @Test
    void cellsThatASpreadsheetWouldRunStayText() {
        assertEquals("\"'\t=1+1\"", ReadingsCsv.quoted("\t=1+1"));
        assertEquals("\"'\r=1+1\"", ReadingsCsv.quoted("\r=1+1"));
        assertEquals("\"'  =HYPERLINK(\"\"x\"\")\"", ReadingsCsv.quoted("  =HYPERLINK(\"x\")"));
        assertEquals("\"' @SUM(A1)\"", ReadingsCsv.quoted(" @SUM(A1)"));
        assertEquals("\"'\t\"", ReadingsCsv.quoted("\t"));
        assertEquals("disconnected", ReadingsCsv.quoted("disconnected"));
        assertEquals(" short circuit", ReadingsCsv.quoted(" short circuit"), "a plain text with a space stays as it is");
    }
}
