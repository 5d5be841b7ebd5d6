package dev.smartpot.device.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.board.AnalogInput;

class SoilSensorTest {

    /** An ADC that returns the given samples in turn; a negative one fails the conversion. */
    private static final class ScriptedAdc implements AnalogInput {
        private final int[] samples;
        private int next;

        ScriptedAdc(int... samples) {
            this.samples = samples;
        }

        @Override
        public int read() throws IOException {
            int v = samples[next++ % samples.length];
            if (v < 0) {
                throw new IOException("ADC timeout");
            }
            return v;
        }
    }

    private final MoistureScale scale = new MoistureScale(3200, 1400, 12);

    private static String describe(MoistureScale scale, int code) {
        int fault = scale.fault(code);
        return fault == MoistureScale.OK ? "raw " + code : MoistureScale.faultName(fault) + " " + code;
    }

    @Test
    void theMedianOfThePlausibleSamplesIgnoresSpikes() {
        SoilSensor sensor = new SoilSensor(new ScriptedAdc(2000, 2010, 4095, 1990, 0, 2005, 1995), scale, 7, 1);
        assertEquals("raw 2000", describe(scale, sensor.read()));
        assertEquals(2, sensor.rejectedSamples());
    }

    @Test
    void anEvenNumberOfSamplesTakesTheMiddleTwo() {
        SoilSensor sensor = new SoilSensor(new ScriptedAdc(2000, 2010, 1990, 2030), scale, 4, 1);
        assertEquals(2005, sensor.read());
    }

    @Test
    void mostlyZeroVoltsIsADisconnectedSensorNotAWetPot() {
        // An unplugged input floats a few counts above 0 V: still the rail.
        SoilSensor sensor = new SoilSensor(new ScriptedAdc(3, 17, 2100, 9, 0), scale, 5, 1);
        assertEquals("disconnected 6", describe(scale, sensor.read()), "the median of the four low samples");
    }

    @Test
    void mostlyFullScaleIsAShort() {
        SoilSensor sensor = new SoilSensor(new ScriptedAdc(4095, 4095, 4090, 2000, 4095), scale, 5, 1);
        assertEquals("shorted 4095", describe(scale, sensor.read()));
    }

    @Test
    void countsNoWorkingSensorReadsAreOutOfRange() {
        // Derived plausible range for dry 3200 / wet 1400: 950 to 3650.
        SoilSensor sensor = new SoilSensor(new ScriptedAdc(700, 720, 710), scale, 3, 1);
        assertEquals("out_of_range 710", describe(scale, sensor.read()));
        MoistureScale strict = new MoistureScale(3200, 1400, 12, 1300, 3300);
        assertEquals("out_of_range 1200", describe(strict, new SoilSensor(new ScriptedAdc(1200), strict, 1, 1).read()));
    }

    @Test
    void conversionsThatFailAreAReadErrorWithTheirCause() {
        SoilSensor sensor = new SoilSensor(new ScriptedAdc(-1, -1, 2000), scale, 3, 1);
        assertEquals(RawCodes.READ_ERROR, sensor.read());
        assertEquals("ADC timeout", sensor.lastFailure());
        SoilSensor mostlyFine = new SoilSensor(new ScriptedAdc(-1, 2000, 2002), scale, 3, 1);
        assertEquals(2001, mostlyFine.read(), "one failed conversion out of three costs nothing");
    }

    @Test
    void theMovingAverageSmoothsAcrossReadingsAndStartsAfreshAfterAFault() {
        SoilSensor sensor = new SoilSensor(new ScriptedAdc(2000, 2300, 2600, 2900, 0, 1500, 1800), scale, 1, 3);
        assertEquals(2000, sensor.read());
        assertEquals(2150, sensor.read());
        assertEquals(2300, sensor.read());
        assertEquals(2600, sensor.read(), "the window holds the last three");
        assertEquals("disconnected 0", describe(scale, sensor.read()), "a fault is never averaged away");
        assertEquals(1500, sensor.read(), "values from before the fault are forgotten");
        assertEquals(1650, sensor.read());
    }

    @Test
    void sampleIsUnsmoothedForCalibration() {
        SoilSensor sensor = new SoilSensor(new ScriptedAdc(2000, 3000), scale, 1, 4);
        assertEquals(2000, sensor.read());
        assertEquals(3000, sensor.sample());
        assertEquals(2000, sensor.read(), "sample() left the average alone");
    }
}
