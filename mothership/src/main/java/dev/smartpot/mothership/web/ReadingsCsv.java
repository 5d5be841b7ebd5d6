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

    void write(String potId, TimeRange range, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        Instant start = range.from();
        while (start.isBefore(range.to())) {
            Instant end = min(start.plus(WINDOW), range.to());
            writeWindow(potId, start, end, out);
            start = end;
        }
        out.flush();
    }

    /** A window the store had to cut (a pot publishing faster than usual) is split until it fits. */
    private void writeWindow(String potId, Instant from, Instant to, Writer out) throws IOException {
        List<ReadingView> rows = mothership.readings(potId, from, to, WINDOW_LIMIT);
        long spanMillis = Duration.between(from, to).toMillis();
        if (rows.size() >= WINDOW_LIMIT && spanMillis > 1) {
            Instant middle = from.plusMillis(spanMillis / 2);
            writeWindow(potId, from, middle, out);
            writeWindow(potId, middle, to, out);
            return;
        }
        for (ReadingView r : rows) {
            out.write(line(r));
        }
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
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
            // A cell starting like a formula would run in a spreadsheet: keep it text.
            safe = "'" + safe;
            needs = true;
        }
        return needs ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
