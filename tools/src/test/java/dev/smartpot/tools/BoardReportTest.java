package dev.smartpot.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/board-report}: a console log's wake lines become BENCHMARKS.md's battery table, over the publishing
 * wakes after the first, marked by where the log came from. The simulated log is a real scripts/simulate run's
 * (trimmed); the board log is written as the firmware's SystemOutLog prints the core's same lines.
 */
class BoardReportTest {

    private static final Path LOGS = Path.of("src", "test", "resources", "board-report");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return BoardReport.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aSimulatedRunIsMarkedSimulatedAndItsFirstPublishingWakeLeftOut() {
        assertEquals(BoardReport.OK, run(LOGS.resolve("simulated.log").toString()), err.toString());
        assertEquals("""
                A pot on batteries, simulated: 12 wakes, 3 publishing; the table is over the 2 publishing wakes after the first (which sets the session up).

                | phase of a publishing wake | simulated: median / max ms | how it is known |
                | --- | --- | --- |
                | boot | 300 / 300 | modelled: an assumption, not measured |
                | read the sensor | 1 / 1 | simulated ADC |
                | WiFi join | 270 / 270 | simulated (`WifiJoinModel` or a fixed delay) |
                | MQTT connect | 11 / 13 | simulated pot, real broker (loopback) |
                | publish (4 readings) | 4 / 4 | simulated pot, real broker (loopback) |
                | listen, status, disconnect | 51 / 51 | simulated pot, real broker (loopback) |
                | **connect + publish + listen** | 66 / 68 | simulated pot, real broker (loopback) |
                | awake per publishing wake, all phases | 636 / 638 | includes the modelled boot |
                | round trips to the broker | 6 / 6 | counted by the core (`RoundTripCounter`) |
                """, out());
    }

    @Test
    void aBoardsLogReadsTheSameWayAndIsMarkedMeasuredOnTheBoard() {
        assertEquals(BoardReport.OK, run(LOGS.resolve("board-as-systemoutlog-prints.log").toString()), err.toString());
        String table = out();
        assertTrue(table.startsWith("A pot on batteries, measured on the board: 4 wakes, 3 publishing; the table is over the 2"
                + " publishing wakes after the first"), table);
        assertTrue(table.contains("| WiFi join | 1200 / 1400 | measured on the board |"), table);
        assertTrue(table.contains("| **connect + publish + listen** | 646 / 695 | measured on the board |"), table);
        assertTrue(table.contains("| boot | 813 / 820 | measured on the board: ESP-IDF's start to Java's main (`esp_timer_get_time`);"
                + " the ROM and the bootloader before it not counted |"), "the firmware's boot line replaces the modelled boot: " + table);
        assertTrue(table.contains("| awake per publishing wake, all phases | 2663 / 2905 | measured on the board |"), table);
    }

    @Test
    void tooFewPublishingWakesAreRefusedNamingTheFix(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("short.log");
        Files.writeString(log, String.join("\n", Files.readAllLines(LOGS.resolve("simulated.log")).subList(0, 6)));
        assertEquals(BoardReport.NOTHING, run(log.toString()));
        assertEquals("board-report: 1 publishing wake(s) in " + log + " (4 wakes in all); the table needs at least two, as the first"
                + " sets the session up. Fix: let the pot run longer (power.mode = deep-sleep; a publishing wake every"
                + " sleep.publish.every readings)\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void noLogOrAMissingOneIsAUsageError(@TempDir Path dir) {
        assertEquals(BoardReport.USAGE, run());
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("usage: scripts/board-report LOG..."));
        assertEquals(BoardReport.USAGE, run(dir.resolve("nope.log").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot read " + dir.resolve("nope.log")), err.toString());
    }
}
