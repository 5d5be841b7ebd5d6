package dev.smartpot.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Commands typed at the simulator's standard input, to break and inspect the simulated world. The end of
 * input (a run from a script or CI with no terminal) leaves the simulator running.
 */
final class ConsoleCommands {

    static final String HELP = String.join("\n",
            "commands:",
            "  status        state, broker, queue depth, drops, reconnects",
            "  wifi off|on   switch the access point off or on",
            "  wifi channel N  move the access point to channel N (1-13): the pot's saved channel goes stale",
            "  water [ml]    water the pot (default 100 ml)",
            "  unplug | short | plug   break or mend the soil sensor",
            "  reboot        restart the board (RTC memory keeps the queue)",
            "  power cut     cut the power: RTC memory is lost, the board starts again",
            "  quit          stop the simulator (the pot says offline first)",
            "  help          this list");

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
        String[] words = line.trim().toLowerCase().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return;
        }
        switch (words[0]) {
            case "status" -> out.println("status: " + (pot.node() == null ? "booting" : pot.node().statusLine())
                    + String.format(" soil=%.1f%%", pot.soil().moisturePercent()));
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
                    pot.logInfo(String.format("console: watered %.0f ml, soil now %.1f%%", ml, pot.soil().moisturePercent()));
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
            case "reboot" -> {
                if (pot.node() != null) {
                    pot.logInfo("console: reboot");
                    pot.reboot();
                }
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
            default -> out.println("unknown command \"" + words[0] + "\"; " + HELP);
        }
    }
}
