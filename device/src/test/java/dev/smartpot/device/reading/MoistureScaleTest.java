package dev.smartpot.device.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MoistureScaleTest {

    @Test
    void railsAndThePlausibleRangeAreFaults() {
        MoistureScale s = new MoistureScale(3200, 1400, 12);
        assertEquals(MoistureScale.FAULT_DISCONNECTED, s.fault(0));
        assertEquals(MoistureScale.FAULT_DISCONNECTED, s.fault(63));
        assertEquals(MoistureScale.FAULT_OUT_OF_RANGE, s.fault(64));
        assertEquals(MoistureScale.FAULT_OUT_OF_RANGE, s.fault(949));
        assertEquals(MoistureScale.OK, s.fault(950));
        assertEquals(MoistureScale.OK, s.fault(3650));
        assertEquals(MoistureScale.FAULT_OUT_OF_RANGE, s.fault(3651));
        assertEquals(MoistureScale.FAULT_SHORTED, s.fault(4032));
        assertEquals(MoistureScale.FAULT_SHORTED, s.fault(4095));
        assertEquals(MoistureScale.FAULT_READ_ERROR, s.fault(RawCodes.READ_ERROR));
        assertEquals("out_of_range", MoistureScale.faultName(s.fault(700)));
    }

    @Test
    void calibrationMovesTheMappingAndTheDerivedRange() {
        MoistureScale s = new MoistureScale(3200, 1400, 12);
        s.calibrate(3000, 1000);
        assertEquals(500, s.tenthsOfPercent(2000));
        assertEquals(500, s.plausibleMin());
        assertEquals(3500, s.plausibleMax());
        MoistureScale fixed = new MoistureScale(3200, 1400, 12, 1000, 3500);
        fixed.calibrate(3000, 1200);
        assertEquals(1000, fixed.plausibleMin(), "a configured range stays");
    }

    @Test
    void aTenBitAdcHasItsOwnRails() {
        MoistureScale s = new MoistureScale(800, 350, 10);
        assertEquals(1023, s.fullScale());
        assertEquals(MoistureScale.FAULT_SHORTED, s.fault(1023));
        assertEquals(MoistureScale.FAULT_READ_ERROR, s.fault(2000), "more than the ADC can read");
    }
}
