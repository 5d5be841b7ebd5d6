package dev.smartpot.firmware.esp32;

/**
 * The MicroEJ Simulator's side of the pump natives: a pin that is on or off, and a timer thread of the mock's own
 * (as the board's esp_timer task is ESP-IDF's, not the VM's) that switches it off when the run time is over. Each change
 * is printed, so the Simulator's console shows the pump start and stop.
 */
public final class PumpNatives {

    public static final int STILL_RUNNING = -0x103;
    /** ESP_ERR_INVALID_ARG. */
    private static final int INVALID_ARG = 0x102;
    private static final long MAX_RUN_MICROS = 600L * 1000 * 1000;

    private static final Object lock = new Object();
    private static int gpio = -1;
    private static boolean running;
    /** Counts runs, so a timer left from a run that off() stopped does nothing. */
    private static int run;

    private PumpNatives() {
    }

    public static int off(int pin, int activeLevel) {
        if (pin < 0 || pin > 48) {
            return -INVALID_ARG;
        }
        synchronized (lock) {
            gpio = pin;
            running = false;
            run++;
        }
        System.out.println("[mock] pump GPIO " + pin + " driven off (level " + (activeLevel == 1 ? 0 : 1) + ")");
        return 0;
    }

    public static int run(final long micros) {
        final int thisRun;
        synchronized (lock) {
            if (gpio < 0 || running) {
                return STILL_RUNNING;
            }
            if (micros <= 0 || micros > MAX_RUN_MICROS) {
                return -INVALID_ARG;
            }
            running = true;
            thisRun = ++run;
        }
        System.out.println("[mock] pump GPIO " + gpio + " on for " + micros / 1000 + " ms (esp_timer armed)");
        Thread timer = new Thread(new Runnable() {
            public void run() {
                try {
                    Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                synchronized (lock) {
                    if (run != thisRun || !running) {
                        return;
                    }
                    running = false;
                }
                System.out.println("[mock] pump GPIO " + gpio + " off (esp_timer fired)");
            }
        }, "mock-esp-timer");
        timer.setDaemon(true);
        timer.start();
        return 0;
    }

    public static int running() {
        synchronized (lock) {
            return running ? 1 : 0;
        }
    }
}
