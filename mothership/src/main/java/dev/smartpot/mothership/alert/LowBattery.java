package dev.smartpot.mothership.alert;

import dev.smartpot.mothership.ingest.PayloadParser;

/**
 * A pot's battery running low: LOW_BATTERY is raised once when a reading's voltage falls below the threshold, and
 * closed when a voltage {@value #RECOVERY_MV} mV above it arrives (a new or recharged battery); in between, a
 * voltage wobbling around the threshold neither closes nor raises it again.
 */
public final class LowBattery {

    /** Two AA cells at 1.1 V each: the ESP32's regulator gives up not far below. */
    public static final int DEFAULT_MV = 2200;
    /** How far above the threshold a voltage must be to count as a replaced battery. */
    public static final int RECOVERY_MV = 100;

    private volatile int thresholdMv;

    public LowBattery(int thresholdMv) {
        threshold(thresholdMv);
    }

    public void threshold(int millivolts) {
        // Up to the highest voltage a reading may carry.
        if (millivolts < 1 || millivolts > PayloadParser.MAX_BATTERY_MV) {
            throw new IllegalArgumentException("low-battery threshold " + millivolts + " mV: expected 1 to "
                    + PayloadParser.MAX_BATTERY_MV + ", e.g. 2200 for 2 x AA");
        }
        thresholdMv = millivolts;
    }

    /** @param batteryMv the pot's newest voltage, null when it sends none (then nothing changes) */
    public void check(String potId, Integer batteryMv, AlertBook alerts) {
        if (batteryMv == null) {
            return;
        }
        int limit = thresholdMv;
        // The book raises a kind only while none is open, and closes only an open one.
        if (batteryMv < limit) {
            alerts.raise(potId, AlertKinds.LOW_BATTERY, "pot " + potId + "'s battery is low: " + batteryMv + " mV, below "
                    + limit + " mV; replace or recharge it");
        } else if (batteryMv >= limit + RECOVERY_MV) {
            alerts.close(potId, AlertKinds.LOW_BATTERY);
        }
    }
}
