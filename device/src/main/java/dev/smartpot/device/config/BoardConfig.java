package dev.smartpot.device.config;

/**
 * The board's own settings: which development board, and which GPIOs the soil sensor (and the battery divider, if
 * any) are wired to. Read with
 * {@link #read(ConfigReader)} after {@link DeviceConfig#read(ConfigReader)} and before
 * {@link ConfigReader#finish()}, so the board keys are not reported as unknown.
 *
 * <p>The soil sensor and the battery divider must be on ADC1 pins: ADC2 is shared with the WiFi driver, so while WiFi is on, ADC2
 * reads fail or return garbage. On the ESP32 ADC1 is GPIO 32-39, on the ESP32-S3 GPIO 1-10.
 */
public final class BoardConfig {

    public static final String ESP_WROVER_KIT = "esp-wrover-kit";
    public static final String ESP32_S3_DEVKITC_1 = "esp32-s3-devkitc-1";

    /** Chip families, by the name ESP-IDF uses ({@code idf.py set-target}). */
    public static final String CHIP_ESP32 = "esp32";
    public static final String CHIP_ESP32_S3 = "esp32s3";

    /**
     * {@code vm.restart.every} on a board when the file does not set it: 55 minutes, under the 60 minutes after which
     * MicroEJ's evaluation VM stops (the public VEE Ports build an evaluation architecture). A production architecture
     * has no such limit: set {@code vm.restart.every = 0} there.
     */
    public static final long BOARD_VM_RESTART_EVERY_MILLIS = 55 * 60000L;

    /** {@link #ESP_WROVER_KIT} or {@link #ESP32_S3_DEVKITC_1}. */
    public final String board;
    /** {@link #CHIP_ESP32} or {@link #CHIP_ESP32_S3}. */
    public final String chip;
    /** The GPIO number of the soil sensor's ADC1 input. */
    public final int adcPin;
    /** The ADC1 channel of {@link #adcPin}, or -1 when the pin is not an ADC1 pin (then a problem was recorded). */
    public final int adcChannel;
    /** The GPIO of the battery divider's ADC1 input ({@code battery.adc.pin}), or -1 for none. */
    public final int batteryPin;
    /** The ADC1 channel of {@link #batteryPin}, or -1 (none, or not an ADC1 pin: then a problem was recorded). */
    public final int batteryChannel;
    /** The GPIO that switches the pump ({@code pump.pin}), or -1: the board has no pump. */
    public final int pumpPin;
    /** True when the pump runs while {@link #pumpPin} is high ({@code pump.active.level = high}). */
    public final boolean pumpActiveHigh;
    /** The pump's flow in ml per minute ({@code pump.flow.ml_per_min}). */
    public final int pumpFlowMlPerMinute;

    private BoardConfig(String board, String chip, int adcPin, int adcChannel, int batteryPin, int batteryChannel, int pumpPin,
            boolean pumpActiveHigh, int pumpFlowMlPerMinute) {
        this.board = board;
        this.chip = chip;
        this.adcPin = adcPin;
        this.adcChannel = adcChannel;
        this.batteryPin = batteryPin;
        this.batteryChannel = batteryChannel;
        this.pumpPin = pumpPin;
        this.pumpActiveHigh = pumpActiveHigh;
        this.pumpFlowMlPerMinute = pumpFlowMlPerMinute;
    }

    /**
     * The defaults a board has and the simulator does not, set on {@code source} before it is read (by the firmware and
     * by the validator {@code scripts/flash} runs, so both read the same): {@code vm.restart.every}.
     */
    public static void applyBoardDefaults(ConfigSource source) {
        if (source.get(ConfigKeys.VM_RESTART_EVERY.name) == null) {
            source.override(ConfigKeys.VM_RESTART_EVERY.name, "55m",
                    "the firmware's default (MicroEJ's evaluation VM stops after 60 minutes)");
        }
    }

    /**
     * Reads and checks {@code board.name}, {@code sensor.adc.pin}, {@code battery.adc.pin} and the pump's keys; problems
     * stay in the reader.
     */
    public static BoardConfig read(ConfigReader r) {
        String board = r.requiredText(ConfigKeys.BOARD_NAME, ESP_WROVER_KIT);
        if (board != null && !board.equals(ESP_WROVER_KIT) && !board.equals(ESP32_S3_DEVKITC_1)) {
            r.problem("board.name", "is not a supported board (" + ESP_WROVER_KIT + ", " + ESP32_S3_DEVKITC_1 + ")",
                    "write one of those; other ESP32 boards need their own VEE Port");
            board = null;
        }
        boolean s3 = ESP32_S3_DEVKITC_1.equals(board);
        String chip = s3 ? CHIP_ESP32_S3 : CHIP_ESP32;
        int pin = (int) r.number(ConfigKeys.SENSOR_ADC_PIN, defaultPin(board));
        int channel = board == null ? -1 : adc1Channel(r, "sensor.adc.pin", pin, s3, "the sensor");
        int batteryPin = (int) r.number(ConfigKeys.BATTERY_ADC_PIN);
        int batteryChannel = -1;
        if (board != null && batteryPin >= 0) {
            if (batteryPin == pin) {
                r.problem("battery.adc.pin", "is the soil sensor's pin (sensor.adc.pin = " + pin + ")",
                        "wire the battery divider to another ADC1 pin");
            } else {
                batteryChannel = adc1Channel(r, "battery.adc.pin", batteryPin, s3, "the battery divider");
            }
        }
        int pumpPin = board == null ? -1 : pumpPin(r, s3, pin, batteryPin);
        boolean activeHigh = "high".equals(r.choice(ConfigKeys.PUMP_ACTIVE_LEVEL));
        int flow = (int) r.number(ConfigKeys.PUMP_FLOW);
        return new BoardConfig(board, chip, pin, channel, batteryPin, batteryChannel, pumpPin, activeHigh, flow);
    }

    /** {@code pump.pin}, or -1 for none (or after recording why it cannot drive the pump). */
    private static int pumpPin(ConfigReader r, boolean s3, int sensorPin, int batteryPin) {
        int pump = (int) r.number(ConfigKeys.PUMP_PIN);
        if (pump < 0) {
            return -1;
        }
        String problem = pump == sensorPin ? "is the soil sensor's pin (sensor.adc.pin = " + sensorPin + ")"
                : pump == batteryPin ? "is the battery divider's pin (battery.adc.pin = " + batteryPin + ")"
                : s3 ? PumpPins.s3Problem(pump) : PumpPins.esp32Problem(pump);
        if (problem != null) {
            r.problem(ConfigKeys.PUMP_PIN, problem, "wire the pump's driver to a free output pin: " + PumpPins.allowed(s3)
                    + ", one nothing else on your board uses");
            return -1;
        }
        return pump;
    }

    /** The ADC1 channel of {@code pin}, or -1 after recording why {@code key} cannot be that pin. */
    private static int adc1Channel(ConfigReader r, String key, int pin, boolean s3, String what) {
        int channel = s3 ? s3Adc1Channel(pin) : esp32Adc1Channel(pin);
        if (channel < 0) {
            boolean adc2 = s3 ? pin >= 11 && pin <= 20 : isEsp32Adc2(pin);
            String rule = adc2
                    ? "GPIO " + pin + " is an ADC2 pin; ADC2 is shared with the WiFi driver, so its readings fail or are wrong while WiFi is on"
                    : "GPIO " + pin + " has no ADC1 channel on the " + (s3 ? "ESP32-S3" : "ESP32");
            r.problem(key, rule, "wire " + what + " to an ADC1 pin: "
                    + (s3 ? "GPIO 1 to 10 on the ESP32-S3" : "GPIO 32 to 39 on the ESP32 (34 to 39 are input-only, fine for a sensor)"));
        }
        return channel;
    }

    /** A free ADC1 pin on each board's headers: GPIO 34 on the WROVER-KIT, GPIO 4 on the S3 DevKitC-1. */
    public static int defaultPin(String board) {
        return ESP32_S3_DEVKITC_1.equals(board) ? 4 : 34;
    }

    /** ESP32: GPIO 36, 37, 38, 39, 32, 33, 34, 35 are ADC1 channels 0 to 7; -1 for any other pin. */
    public static int esp32Adc1Channel(int gpio) {
        if (gpio >= 36 && gpio <= 39) {
            return gpio - 36;
        }
        if (gpio >= 32 && gpio <= 35) {
            return gpio - 28;
        }
        return -1;
    }

    /** ESP32-S3: GPIO 1 to 10 are ADC1 channels 0 to 9; -1 for any other pin. */
    public static int s3Adc1Channel(int gpio) {
        return gpio >= 1 && gpio <= 10 ? gpio - 1 : -1;
    }

    private static boolean isEsp32Adc2(int gpio) {
        return gpio == 0 || gpio == 2 || gpio == 4 || (gpio >= 12 && gpio <= 15) || (gpio >= 25 && gpio <= 27);
    }
}
