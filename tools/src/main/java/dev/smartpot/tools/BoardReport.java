package dev.smartpot.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code scripts/board-report LOG...} or {@code scripts/board-report --mothership URL POT}: turns a battery pot's
 * console log (or its wakes stored by the mothership) into BENCHMARKS.md's table "A pot on batteries":
 * each phase of the publishing wakes (after the first, which sets the session up), median and max. The core prints
 * the same wake line on every runtime ({@code wake: reading #N, ...; awake ... ms = boot ... + read ... + WiFi join
 * ... + MQTT connect ... + publish ... (n readings) + listen ...; k round trips ...}), so a board's log reads as a
 * simulator's does; the table says which it was: a log with the simulator's own lines ({@code simulate: ...}) is
 * "simulated", one with the firmware's {@code reset reason: ...} lines was measured on a board. With
 * {@code --mothership} the wakes come from the mothership's store instead ({@link StoredWakes}): what each wake
 * reported in its asleep status, over the wakes from deep sleep after the first stored (which sets the session up).
 */
public final class BoardReport {

    public static final int OK = 0;
    public static final int NOTHING = 1;
    public static final int USAGE = 2;

    static final Pattern WAKE = Pattern.compile("wake: reading #(\\d+), \\d+ kept; awake (\\d+) ms = boot (\\d+)( \\(modelled\\))?"
            + " \\+ read (\\d+)(?: \\+ WiFi join (\\d+) \\+ MQTT connect (\\d+) \\+ publish (\\d+) \\((\\d+) readings\\) \\+ listen (\\d+);"
            + " (\\d+) round trips)?");

    /** The firmware's line at each boot: how long it took to reach Java's main, on ESP-IDF's clock. */
    static final Pattern BOOT = Pattern.compile("boot: Java main at (\\d+) ms after ESP-IDF started");

    /**
     * One wake as its line gave it; the phases after the read are -1 for a wake that did not publish. The boot is the
     * firmware's measured one when its boot line came before the wake line, else the core's modelled figure.
     */
    record Wake(long awake, long boot, boolean bootModelled, long read, long join, long connect, long publish, int readings,
            long listen, int roundTrips) {
        boolean published() {
            return join >= 0;
        }
    }

    /** Where a log came from, by the lines only its runtime prints. */
    enum Origin {
        SIMULATED("simulated"), BOARD("measured on the board"), UNKNOWN("origin unknown (neither the simulator's nor the firmware's boot lines)");

        final String words;

        Origin(String words) {
            this.words = words;
        }
    }

    private BoardReport() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("usage: scripts/board-report LOG...   (a battery pot's console log: idf.py monitor's, or scripts/simulate's)\n"
                    + "       scripts/board-report --mothership URL [--token TOKEN] POT   (the wakes the mothership stored)");
            return USAGE;
        }
        if (args[0].equals("--mothership")) {
            return fromMothership(args, out, err);
        }
        List<String> lines = new ArrayList<>();
        for (String arg : args) {
            try {
                lines.addAll(Files.readAllLines(Path.of(arg), StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.println("board-report: cannot read " + arg + " (" + e.getMessage() + "). Fix: pass the console log a run saved,"
                        + " e.g. idf.py -p PORT monitor | tee wakes.log");
                return USAGE;
            }
        }
        List<Wake> wakes = parse(lines);
        List<Wake> publishing = wakes.stream().filter(Wake::published).toList();
        if (publishing.size() < 2) {
            err.println("board-report: " + publishing.size() + " publishing wake(s) in " + String.join(", ", args)
                    + " (" + wakes.size() + " wakes in all); the table needs at least two, as the first sets the session up."
                    + " Fix: let the pot run longer (power.mode = deep-sleep; a publishing wake every sleep.publish.every readings)");
            return NOTHING;
        }
        out.print(table(origin(lines), wakes, publishing.subList(1, publishing.size()), null));
        return OK;
    }

    private static int fromMothership(String[] args, PrintStream out, PrintStream err) {
        String token = System.getenv("SMARTPOT_TOKEN");
        List<String> rest = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--token") && i + 1 < args.length) {
                token = args[++i];
            } else {
                rest.add(args[i]);
            }
        }
        if (rest.size() != 2) {
            err.println("usage: scripts/board-report --mothership URL [--token TOKEN] POT   e.g. --mothership http://127.0.0.1:8080"
                    + " a4cf12b0c0de");
            return USAGE;
        }
        StoredWakes.Stored stored;
        try {
            stored = StoredWakes.fetch(rest.get(0), rest.get(1), token);
        } catch (IOException e) {
            err.println("board-report: " + e.getMessage());
            return USAGE;
        }
        List<Wake> fromSleep = new ArrayList<>();
        // After the first stored wake, as with a log: it set the session up (or paid a restarted runtime's cold start).
        for (int i = 1; i < stored.wakes().size(); i++) {
            if ("deep-sleep".equals(stored.resets().get(i)) && stored.wakes().get(i).published()) {
                fromSleep.add(stored.wakes().get(i));
            }
        }
        if (fromSleep.isEmpty()) {
            List<StoredConnects.Connect> connects;
            try {
                connects = StoredConnects.fetch(rest.get(0), rest.get(1), token);
            } catch (IOException e) {
                err.println("board-report: " + e.getMessage());
                return USAGE;
            }
            if (!connects.isEmpty()) {
                // An always-on pot: its connects instead of wakes.
                out.print(StoredConnects.table(stored.origin(), connects, "pot " + rest.get(1)
                        + (stored.board() == null ? "" : " on " + stored.board()) + " as the mothership stored its connects"));
                return OK;
            }
            err.println("board-report: pot " + rest.get(1) + " has " + stored.wakes().size() + " stored wake(s), none from deep"
                    + " sleep after the first, and no connect record; the table needs either. Fix: let the pot run on batteries"
                    + " (power.mode = deep-sleep) until it published after two sleeps, or an always-on pot until it connected,"
                    + " on a mothership of this version");
            return NOTHING;
        }
        out.print(table(stored.origin(), stored.wakes(), fromSleep, "pot " + rest.get(1)
                + (stored.board() == null ? "" : " on " + stored.board()) + " as the mothership stored its wakes"));
        return OK;
    }

    static List<Wake> parse(List<String> lines) {
        List<Wake> wakes = new ArrayList<>();
        long measuredBoot = -1;
        for (String line : lines) {
            Matcher b = BOOT.matcher(line);
            if (b.find()) {
                measuredBoot = Long.parseLong(b.group(1));
                continue;
            }
            Matcher m = WAKE.matcher(line);
            if (!m.find()) {
                continue;
            }
            boolean published = m.group(6) != null;
            long lineBoot = Long.parseLong(m.group(3));
            boolean modelled = m.group(4) != null && measuredBoot < 0;
            long boot = measuredBoot >= 0 ? measuredBoot : lineBoot;
            // The line's awake counts its own boot figure: the measured one replaces it.
            long awake = Long.parseLong(m.group(2)) - lineBoot + boot;
            measuredBoot = -1;
            wakes.add(new Wake(awake, boot, modelled, Long.parseLong(m.group(5)),
                    published ? Long.parseLong(m.group(6)) : -1, published ? Long.parseLong(m.group(7)) : -1,
                    published ? Long.parseLong(m.group(8)) : -1, published ? Integer.parseInt(m.group(9)) : 0,
                    published ? Long.parseLong(m.group(10)) : -1, published ? Integer.parseInt(m.group(11)) : 0));
        }
        return wakes;
    }

    static Origin origin(List<String> lines) {
        boolean simulator = lines.stream().anyMatch(l -> l.startsWith("simulate: "));
        boolean board = lines.stream().anyMatch(l -> l.contains("reset reason: "));
        return simulator ? Origin.SIMULATED : board ? Origin.BOARD : Origin.UNKNOWN;
    }

    /** @param source where the wakes come from, null for a log */
    static String table(Origin origin, List<Wake> all, List<Wake> wakes, String source) {
        String how = origin == Origin.SIMULATED ? "simulated" : origin == Origin.BOARD ? "measured on the board" : "origin unknown";
        // In the simulator the MQTT phases are real exchanges with a real broker; the sensor and the radio are models.
        String mqtt = origin == Origin.SIMULATED ? "simulated pot, real broker (loopback)" : how;
        boolean bootModelled = wakes.stream().anyMatch(Wake::bootModelled);
        StringBuilder t = new StringBuilder();
        t.append("A pot on batteries, ").append(origin.words).append(source == null ? "" : ", " + source).append(": ")
                .append(all.size()).append(" wakes, ").append(all.stream().filter(Wake::published).count())
                .append(" publishing; the table is over the ").append(wakes.size()).append(source == null
                        ? " publishing wakes after the first (which sets the session up).\n\n"
                        : " publishing wakes from deep sleep after the first stored one (which sets the session up).\n\n");
        t.append("| phase of a publishing wake | ").append(how).append(": median / max ms | how it is known |\n");
        t.append("| --- | --- | --- |\n");
        row(t, "boot", wakes, Wake::boot, bootModelled ? "modelled: an assumption, not measured"
                : how + ": ESP-IDF's start to Java's main (`esp_timer_get_time`); the ROM and the bootloader before it not counted");
        row(t, "read the sensor", wakes, Wake::read, origin == Origin.SIMULATED ? "simulated ADC" : how);
        row(t, "WiFi join", wakes, Wake::join, origin == Origin.SIMULATED ? "simulated (`WifiJoinModel` or a fixed delay)" : how);
        row(t, "MQTT connect", wakes, Wake::connect, mqtt);
        row(t, "publish (" + wakes.get(0).readings() + " readings)", wakes, Wake::publish, mqtt);
        row(t, "listen, status, disconnect", wakes, Wake::listen, mqtt);
        row(t, "**connect + publish + listen**", wakes, w -> w.connect() + w.publish() + w.listen(), mqtt);
        row(t, "awake per publishing wake, all phases", wakes, Wake::awake, bootModelled ? "includes the modelled boot" : how);
        List<Long> trips = wakes.stream().map(w -> (long) w.roundTrips()).toList();
        t.append("| round trips to the broker | ").append(median(trips)).append(" / ").append(max(trips))
                .append(" | counted by the core (`RoundTripCounter`) |\n");
        return t.toString();
    }

    private interface Phase {
        long of(Wake wake);
    }

    private static void row(StringBuilder t, String name, List<Wake> wakes, Phase phase, String how) {
        List<Long> values = wakes.stream().map(phase::of).toList();
        t.append("| ").append(name).append(" | ").append(median(values)).append(" / ").append(max(values)).append(" | ").append(how)
                .append(" |\n");
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : Math.round((sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0);
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
