package dev.smartpot.simulator.fleet;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import dev.smartpot.device.PotNode;
import dev.smartpot.simulator.board.ReportedReading;

/**
 * What a person watching a fleet sees. Small fleets get a line per pot with its state and what it reported with its
 * last reading (a moisture bar and percent, or the sensor fault), beside the soil model's true moisture, labelled;
 * large ones get the counts (online, reconnecting, queued, dropped, readings per second). On a terminal
 * the screen is redrawn in place with ANSI escapes; elsewhere (a pipe, a log file, CI) the same content is
 * printed as plain lines.
 */
public final class FleetView {

    /** Up to this many pots, one line each; beyond it, counts only. */
    public static final int MAX_POT_ROWS = 40;
    private static final int BAR_WIDTH = 20;
    /** The bar of a pot with no moisture to show (a sensor fault, no reading yet): not an empty, 0 % bar. */
    private static final String NO_VALUE_BAR = "\u00b7".repeat(BAR_WIDTH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final String HOME = "\033[H";
    private static final String CLEAR_SCREEN = "\033[2J";
    private static final String CLEAR_LINE_END = "\033[K";
    private static final String CLEAR_BELOW = "\033[J";

    private final SimulatedFleet fleet;
    private final String title;
    private final boolean ansi;
    private final boolean potRows;
    private final FleetConsole console;
    private final long startedAt = System.currentTimeMillis();
    private FleetSnapshot previous;
    private boolean drawnOnce;

    /**
     * @param title first line of the screen; more lines after a newline (the screen clears the banner)
     * @param ansi redraw in place (a terminal); false prints plain lines
     * @param potRows a line per pot (small fleets, {@code --view}); false for counts only
     */
    public FleetView(SimulatedFleet fleet, String title, boolean ansi, boolean potRows, FleetConsole console) {
        this.fleet = fleet;
        this.title = title;
        this.ansi = ansi;
        this.potRows = potRows && fleet.pots().size() <= MAX_POT_ROWS;
        this.console = console;
        this.previous = fleet.snapshot();
        console.ownScreen(ansi);
    }

    /** Draws the current state once (call it periodically). */
    public void refresh() {
        FleetSnapshot now = fleet.snapshot();
        double perSecond = now.readingsPerSecond(previous);
        previous = now;
        long hiddenWarnings = console.endPeriod();
        List<String> lines = new ArrayList<>();
        if (ansi) {
            String[] heading = title.split("\n");
            lines.add(heading[0] + ", up " + uptime());
            for (int i = 1; i < heading.length; i++) {
                lines.add(heading[i]);
            }
            lines.add(String.format("  started       %6d/%d", now.started, now.devices));
            lines.add(String.format("  online        %6d   %s", now.online, bar(now.devices == 0 ? 0 : now.online * 100.0 / now.devices)));
            lines.add(String.format("  reconnecting  %6d", now.reconnecting));
            lines.add(String.format("  queued        %6d readings", now.queued));
            lines.add(String.format("  dropped       %6d readings", now.dropped));
            lines.add(String.format("  sensor faults %6d pots whose last reading was a fault", now.faults));
            lines.add(String.format("  readings/s    %8.1f (%d published, %d taken)", perSecond, now.published, now.readingsTaken));
            lines.add(String.format("  warnings      %6d%s", console.warnings(),
                    console.warnings() > 0 ? "   (--pot-logs prints every pot's lines)" : ""));
            String last = console.lastWarning();
            if (last != null) {
                lines.add("  last warning  " + (last.length() > 100 ? last.substring(0, 97) + "..." : last));
            }
            if (potRows) {
                lines.add("");
                addPotRows(lines);
            }
            StringBuilder screen = new StringBuilder(drawnOnce ? HOME : HOME + CLEAR_SCREEN);
            for (int i = 0; i < lines.size(); i++) {
                screen.append(lines.get(i)).append(CLEAR_LINE_END).append(i < lines.size() - 1 ? "\n" : CLEAR_BELOW);
            }
            console.print(screen.toString());
            drawnOnce = true;
        } else {
            console.print(LocalTime.now().format(TIME) + " fleet: " + now.started + "/" + now.devices + " started, "
                    + now.online + " online, " + now.reconnecting + " reconnecting, "
                    + (now.asleep > 0 ? now.asleep + " asleep, " : "") + now.queued + " queued, "
                    + now.dropped + " dropped, " + String.format("%.1f", perSecond) + " readings/s, " + now.published
                    + " published" + (now.faults > 0 ? ", " + now.faults + " reporting a sensor fault" : "")
                    + (hiddenWarnings > 0 ? "; " + hiddenWarnings + " more warnings not shown (--pot-logs shows them)" : ""));
            if (potRows) {
                addPotRows(lines);
                for (String line : lines) {
                    console.print(line);
                }
            }
        }
    }

    private void addPotRows(List<String> lines) {
        for (FleetPot pot : fleet.pots()) {
            PotNode node = pot.node();
            if (node == null) {
                lines.add(String.format("  %s %-8s", pot.clientId(), "waiting"));
                continue;
            }
            // What the pot reported, not the soil model's truth: a fault shows as the fault.
            double reported = ReportedReading.percentOf(node);
            lines.add(String.format("  %s %-8s %s %6s  queued %d  dropped %d  reconnects %d  (%s)", pot.clientId(),
                    stateName(node.state()), reported < 0 ? NO_VALUE_BAR : bar(reported), ReportedReading.of(node),
                    node.queuedReadings(), node.droppedReadings(), node.reconnects(), ReportedReading.soilModel(pot.soil())));
        }
    }

    private static String stateName(int state) {
        return state == PotNode.ONLINE ? "online" : state == PotNode.STOPPED ? "stopped" : "offline";
    }

    private static String bar(double percent) {
        int filled = (int) Math.round(Math.max(0, Math.min(100, percent)) * BAR_WIDTH / 100);
        StringBuilder b = new StringBuilder(BAR_WIDTH);
        for (int i = 0; i < BAR_WIDTH; i++) {
            b.append(i < filled ? '\u2588' : '\u2591');
        }
        return b.toString();
    }

    private String uptime() {
        long s = (System.currentTimeMillis() - startedAt) / 1000;
        return String.format("%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
