package dev.smartpot.simulator.board;

import java.util.Locale;

import dev.smartpot.device.PotNode;

/**
 * What a pot reported with its last reading, for the console and the live view: the percent after calibration and
 * smoothing, or the fault (an unplugged sensor is a fault, not a number). The soil model's true moisture is the
 * simulation's own insight, shown beside it only when labelled as such.
 */
public final class ReportedReading {

    private ReportedReading() {
    }

    /** "43.2%", "fault: disconnected" or "no reading yet". */
    public static String of(PotNode node) {
        if (node == null) {
            return "no reading yet";
        }
        String fault = node.lastFault();
        if (fault != null) {
            return "fault: " + fault;
        }
        int tenths = node.lastMoistureTenths();
        return tenths < 0 ? "no reading yet" : percent(tenths / 10.0);
    }

    /** The reported moisture in percent, or -1 for a fault or no reading yet. */
    public static double percentOf(PotNode node) {
        int tenths = node == null ? -1 : node.lastMoistureTenths();
        return tenths < 0 ? -1 : tenths / 10.0;
    }

    /** "soil model: 44.0%": the simulation's truth, which the pot only sees through its sensor. */
    public static String soilModel(SoilModelAdc soil) {
        return "soil model: " + percent(soil.moisturePercent());
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", value);
    }
}
