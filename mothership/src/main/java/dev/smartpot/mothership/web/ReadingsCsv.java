package dev.smartpot.mothership.web;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.smartpot.mothership.api.Mothership;
import dev.smartpot.mothership.api.ReadingView;

/**
 * Writes a pot's readings over any range as CSV, oldest first, one time window at a time, so a year of
 * readings streams to the client in constant memory (a Pi has little to spare).
 */
final class ReadingsCsv {

    static final String HEADER = "pot_id,boot,seq,ts,received_at,raw,moisture,fault,battery_mv";
    /** A window holds about 4,300 readings at 5 s: small enough to hold, big enough to be few queries. */
    private static final Duration WINDOW = Duration.ofHours(6);
    private static final int WINDOW_LIMIT = 20_000;

    private final Mothership mothership;

    ReadingsCsv(Mothership mothership) {
        this.mothership = mothership;
    }

    /**
     * Empty stretches are crossed in windows that double each time (a range from 1970 to 9999 costs a few dozen
     * queries, not millions); each window with readings is flushed, so a client that left ends the export with an
     * IOException at the next one instead of the Pi querying on for nobody.
     */
    void write(String potId, TimeRange range, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        Instant start = range.from();
        Duration window = WINDOW;
        while (start.isBefore(range.to())) {
            Duration left = Duration.between(start, range.to());
            Instant end = window.compareTo(left) >= 0 ? range.to() : start.plus(window);
            if (writeWindow(potId, start, end, out) == 0) {
                window = window.multipliedBy(2);
            } else {
                window = WINDOW;
                out.flush();
            }
            start = end;
        }
        out.flush();
    }

    /** A window the store had to cut (a pot publishing faster than usual) is split until it fits; returns the rows. */
    private int writeWindow(String potId, Instant from, Instant to, Writer out) throws IOException {
        List<ReadingView> rows = mothership.readings(potId, from, to, WINDOW_LIMIT);
        long spanMillis = Duration.between(from, to).toMillis();
        if (rows.size() >= WINDOW_LIMIT && spanMillis > 1) {
            Instant middle = from.plusMillis(spanMillis / 2);
            return writeWindow(potId, from, middle, out) + writeWindow(potId, middle, to, out);
        }
        for (ReadingView r : rows) {
            out.write(line(r));
        }
        return rows.size();
    }

    static String line(ReadingView r) {
        return r.potId() + ',' + r.boot() + ',' + r.seq() + ',' + r.ts() + ',' + orEmpty(r.receivedAt()) + ','
                + orEmpty(r.raw()) + ',' + orEmpty(r.moisture()) + ',' + quoted(r.fault()) + ',' + orEmpty(r.batteryMv()) + '\n';
    }

    private static String orEmpty(Object value) {
        return value == null ? "" : value.toString();
    }

    /** RFC 4180 quoting; a fault text comes from a pot and may hold anything. */
    static String quoted(String text) {
        if (text == null) {
            return "";
        }
        boolean needs = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        String safe = text;
        if (formulaLike(safe)) {
            // A cell starting like a formula would run in a spreadsheet: keep it text.
            safe = "'" + safe;
            needs = true;
        }
        return needs ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    /**
     * = + - @ first, also behind spaces or control characters (spreadsheets skip them), and a leading tab or
     * carriage return, which some read as the start of a formula too.
     */
    private static boolean formulaLike(String text) {
        if (text.isEmpty()) {
            return false;
        }
        if (text.charAt(0) == '\t' || text.charAt(0) == '\r') {
            return true;
        }
        int i = 0;
        while (i < text.length() && text.charAt(i) <= ' ') {
            i++;
        }
        return i < text.length() && "=+-@".indexOf(text.charAt(i)) >= 0;
    }
}
