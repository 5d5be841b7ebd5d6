package dev.smartpot.device;

/** What this firmware is, as it tells Home Assistant and the mothership. */
public final class Firmware {

    public static final String VERSION = "0.1.0";

    private Firmware() {
    }
}
