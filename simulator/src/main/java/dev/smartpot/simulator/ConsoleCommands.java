package dev.smartpot.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.smartpot.device.PotNode;
import dev.smartpot.simulator.board.ConsoleLines;
import dev.smartpot.simulator.board.ReportedReading;

/**
 * Commands typed at the simulator's standard input, to break and inspect the simulated world. {@code read},
 * {@code interval}, {@code calibrate} and {@code reboot} are the pot's own commands: handed to the core, they run
 * through the mothership's command path (same checks, limits and reply, the reply logged here). The end of input
 * (a run from a script or CI with no terminal) leaves the simulator running.
 */
final class ConsoleCommands {

    static final String HELP = String.join("\n",
            "commands:",
            "  status        state, broker, queue depth, drops, reconnects, the last reading as the pot reported it",
            "  read          take a reading now and publish it",
            "  interval D    time between readings, 100ms to 1h, e.g. interval 30s (kept across restarts)",
            "  calibrate dry|wet [counts]   the sensor's counts in dry air / in water: what it reads now, or given",
            "  wifi off|on   switch the access point off or on",
            "  wifi channel N  move the access point to channel N (1-13): the pot's saved channel goes stale",
            "  water [ml]    water the pot (default 100 ml)",
            "  unplug | short | plug   break or mend the soil sensor",
            "  reboot        restart the board as the mothership's reboot does (RTC memory keeps the queue)",
            "  power cut     cut the power: RTC memory is lost, the board starts again",
            "  quit          stop the simulator (the pot says offline first)",
            "  help          this list",
            "read, interval, calibrate and reboot run in the pot as the mothership's commands do: the same checks,",
            "limits (but for reboot: the console is at the pot) and reply, logged here as \"console reply\".");

    private final SimulatedPot pot;
    private final PrintStream out;
    private final Runnable quit;

    ConsoleCommands(SimulatedPot pot, PrintStream out, Runnable quit) {
        this.pot = pot;
        this.out = out;
        this.quit = quit;
    }

    /** Reads commands until end of input, on a daemon thread so it never keeps the JVM alive. */
    void startReading(InputStream in) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    execute(line);
                }
            } catch (IOException e) {
                out.println("console input closed: " + e.getMessage());
            }
        }, "console");
        reader.setDaemon(true);
        reader.start();
    }

    void execute(String line) {
        String[] words = line.trim().toLowerCase(Locale.ROOT).split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return;
        }
        switch (words[0]) {
            case "status" -> {
                PotNode node = pot.node();
                out.println("status: " + (node == null ? "booting" : node.statusLine()) + " reading="
                        + ReportedReading.of(node) + " (" + ReportedReading.soilModel(pot.soil()) + ")");
            }
            case "read", "interval", "calibrate", "reboot" -> toPot(line.trim());
            case "wifi" -> {
                if (words.length == 2 && (words[1].equals("off") || words[1].equals("on"))) {
                    boolean on = words[1].equals("on");
                    pot.wlan().setAccessPointOn(on);
                    pot.logInfo("console: access point switched " + words[1]);
                } else if (words.length == 3 && words[1].equals("channel") && words[2].matches("[0-9]{1,2}")
                        && Integer.parseInt(words[2]) >= 1 && Integer.parseInt(words[2]) <= 13) {
                    pot.wlan().setAccessPointChannel(Integer.parseInt(words[2]));
                    pot.logInfo("console: access point moved to channel " + words[2]);
                } else {
                    out.println("usage: wifi off | wifi on | wifi channel N (N from 1 to 13)");
                }
            }
            case "water" -> {
                double ml = 100;
                if (words.length > 1) {
                    try {
                        ml = Double.parseDouble(words[1]);
                    } catch (NumberFormatException e) {
                        ml = -1;
                    }
                }
                if (ml <= 0 || ml > 5000) {
                    out.println("usage: water [ml], with ml from 1 to 5000");
                } else {
                    pot.soil().water(ml);
                    pot.logInfo(String.format(Locale.ROOT, "console: watered %.0f ml by hand (%s); the pot sees it at its next reading",
                            ml, ReportedReading.soilModel(pot.soil())));
                }
            }
            case "unplug" -> {
                pot.soil().unplug();
                pot.logInfo("console: soil sensor unplugged");
            }
            case "short" -> {
                pot.soil().shortCircuit();
                pot.logInfo("console: soil sensor shorted to the supply");
            }
            case "plug" -> {
                pot.soil().plug();
                pot.logInfo("console: soil sensor plugged back in");
            }
            case "power" -> {
                if (words.length == 2 && words[1].equals("cut")) {
                    pot.logInfo("console: power cut");
                    pot.powerCut();
                } else {
                    out.println("usage: power cut");
                }
            }
            case "quit", "exit" -> quit.run();
            case "help", "?" -> out.println(HELP);
            default -> out.println("unknown command \"" + shown(words[0]) + "\"; " + HELP);
        }
    }

    /** Hands a pot command to the core; the pot logs it and its reply when it runs it, so only a delay is said here. */
    private void toPot(String command) {
        String quoted = "\"" + shown(command) + "\"";
        switch (pot.typeCommand(command)) {
            case RUNS_NOW -> {
                // The pot's log says "console command: ..." and then its reply.
            }
            case RUNS_AFTER_BOOT -> out.println("console: the pot is still booting; " + quoted + " runs once it has started");
            case RUNS_AT_WAKE -> out.println("console: the pot sleeps deeply; " + quoted + " runs at its next wake");
            case NOT_RUNNING -> out.println("console: the pot has stopped, so nothing runs " + quoted + "; start the simulator again");
            case BACKLOG_FULL -> out.println("console: " + quoted + " not taken: the pot has not yet run the "
                    + ConsoleLines.CAPACITY + " commands typed before it; type it again once their replies are in the log");
        }
    }

    /** A word or command as typed, cut short when it is long. */
    private static String shown(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "... (" + text.length() + " characters)" : text;
    }
}
