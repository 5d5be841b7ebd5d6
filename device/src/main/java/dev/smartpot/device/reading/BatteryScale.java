package dev.smartpot.device.reading;

/** Turns the battery divider's ADC counts into the battery's millivolts; the configuration provides it. */
public interface BatteryScale {

    /** The battery voltage that {@code counts} at the divider's tap stand for. */
    int millivolts(int counts);

    /** Below this battery voltage the pot warns; 0 = never. */
    int lowMillivolts();
}
