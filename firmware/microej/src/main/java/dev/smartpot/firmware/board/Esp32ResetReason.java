package dev.smartpot.firmware.board;

/**
 * What {@code esp_reset_reason()} says about this boot, for the first log line: a power-on (a power cut, or the EN
 * button on an ESP32), a deep-sleep wake, a software restart, and a brownout, which on a battery pot means the
 * batteries are giving out. The core does not go by it: what RTC memory holds (magic and CRC) decides whether state
 * was kept. Values of ESP-IDF's {@code esp_reset_reason_t}, the same in v4.3.2 and v5.0.1.
 */
public final class Esp32ResetReason {

    public static final int POWER_ON = 1;
    public static final int SOFTWARE = 3;
    public static final int DEEP_SLEEP = 8;
    public static final int BROWNOUT = 9;

    private static final String[] NAMES = {"unknown", "power-on", "external pin", "software restart", "panic",
        "interrupt watchdog", "task watchdog", "other watchdog", "deep-sleep wake", "brownout", "SDIO"};

    /** The same, as one word for a wake's report: the protocol's deep-sleep, power-on and restart where they apply. */
    private static final String[] WORDS = {"unknown", "power-on", "external-pin", "restart", "panic", "interrupt-watchdog",
        "task-watchdog", "other-watchdog", "deep-sleep", "brownout", "sdio"};

    private Esp32ResetReason() {
    }

    /** "deep-sleep", "power-on", "restart", "brownout", ...; "unknown" for a value this build does not know. */
    public static String word(int reason) {
        return reason >= 0 && reason < WORDS.length ? WORDS[reason] : "unknown";
    }

    /** "reset reason: brownout (the supply dipped: on batteries, they are running out)". */
    public static String describe(int reason) {
        String name = reason >= 0 && reason < NAMES.length ? NAMES[reason] : "esp_reset_reason_t " + reason;
        String why = "";
        if (reason == POWER_ON) {
            why = " (a power cut, or the EN button)";
        } else if (reason == SOFTWARE) {
            why = " (the pot restarted itself: \"restarted as planned\" below means vm.restart.every)";
        } else if (reason == BROWNOUT) {
            why = " (the supply dipped: on batteries, they are running out)";
        } else if (reason == 4 || reason == 5 || reason == 6 || reason == 7) {
            why = " (the console before the reset says what failed)";
        }
        return "reset reason: " + name + why;
    }
}
