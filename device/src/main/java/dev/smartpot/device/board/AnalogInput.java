package dev.smartpot.device.board;

import java.io.IOException;

/** One ADC channel: the soil-moisture sensor ({@link Board#soilSensor}) or the battery divider ({@link Board#batteryInput}). */
public interface AnalogInput {

    /** One conversion, in raw counts from 0 to {@code 2^bits - 1}. */
    int read() throws IOException;
}
