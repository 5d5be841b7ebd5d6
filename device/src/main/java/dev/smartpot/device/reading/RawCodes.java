package dev.smartpot.device.reading;

/**
 * A reading's raw value as stored and sent: ADC counts 0 to 4095 (12-bit ESP32 ADC), or a code above
 * that for a reading that has no trustworthy counts.
 */
public final class RawCodes {

    /** The ADC read itself failed (driver error). */
    public static final int READ_ERROR = 8191;

    private RawCodes() {
    }
}
