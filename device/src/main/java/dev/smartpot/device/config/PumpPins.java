package dev.smartpot.device.config;

/**
 * Which GPIOs may switch the pump's driver, per chip: an output pin that nothing else on the module needs and whose
 * level at reset does not choose how the chip boots. Refused, each with its reason: pins without an output driver, the
 * module's flash and PSRAM pins, the console's UART (and the S3's USB) pins, and the strapping pins (a pump driver's
 * input resistor could change how the chip boots).
 */
final class PumpPins {

    private PumpPins() {
    }

    /** Why {@code gpio} cannot drive the pump on the ESP32 (a WROVER module), or null when it can. */
    static String esp32Problem(int gpio) {
        if (gpio >= 34 && gpio <= 39) {
            return "GPIO " + gpio + " is input-only on the ESP32";
        }
        if (gpio >= 6 && gpio <= 11) {
            return "GPIO " + gpio + " is wired to the module's SPI flash";
        }
        if (gpio == 16 || gpio == 17) {
            return "GPIO " + gpio + " is wired to the WROVER module's PSRAM";
        }
        if (gpio == 1 || gpio == 3) {
            return "GPIO " + gpio + " is the console's UART (" + (gpio == 1 ? "TX" : "RX") + ")";
        }
        if (gpio == 0 || gpio == 2 || gpio == 5 || gpio == 12 || gpio == 15) {
            return "GPIO " + gpio + " is a strapping pin: its level at reset chooses how the ESP32 boots";
        }
        if (gpio == 4) {
            return "GPIO 4 carries the console's TX when the WROVER VEE Port's external-UART option is on (uart_switch.c)";
        }
        if (gpio == 20 || gpio == 24 || (gpio >= 28 && gpio <= 31) || gpio > 39) {
            return "the ESP32 has no GPIO " + gpio;
        }
        return null;
    }

    /** Why {@code gpio} cannot drive the pump on the ESP32-S3 (the N8R8 module: octal PSRAM), or null when it can. */
    static String s3Problem(int gpio) {
        if (gpio >= 22 && gpio <= 25) {
            return "the ESP32-S3 has no GPIO " + gpio;
        }
        if (gpio >= 26 && gpio <= 32) {
            return "GPIO " + gpio + " is wired to the module's SPI flash and PSRAM";
        }
        if (gpio >= 33 && gpio <= 37) {
            return "GPIO " + gpio + " is wired to the N8R8 module's octal PSRAM";
        }
        if (gpio == 19 || gpio == 20) {
            return "GPIO " + gpio + " is the USB port's " + (gpio == 19 ? "D-" : "D+");
        }
        if (gpio == 43 || gpio == 44) {
            return "GPIO " + gpio + " is the console's UART (" + (gpio == 43 ? "TX" : "RX") + ")";
        }
        if (gpio == 0 || gpio == 3 || gpio == 45 || gpio == 46) {
            return "GPIO " + gpio + " is a strapping pin: its level at reset chooses how the ESP32-S3 boots";
        }
        return null;
    }

    /** The pins a pump may use, for the fix of a refused one. */
    static String allowed(boolean s3) {
        return s3 ? "GPIO 1, 2, 4 to 18, 21, 38 to 42, 47 or 48 on the ESP32-S3"
                : "GPIO 13, 14, 18, 19, 21 to 23, 25 to 27, 32 or 33 on the ESP32";
    }
}
