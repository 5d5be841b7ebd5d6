package dev.smartpot.mothership.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.smartpot.mothership.alert.LowBattery;
import dev.smartpot.mothership.broker.BrokerOptions;

class EngineOptionsTest {

    private final EngineOptions options = EngineOptions.sqlite(BrokerOptions.plain("tcp://127.0.0.1:1"), Path.of("m.db"));

    @Test
    void theLowBatteryThresholdDefaultsTo2xAaAndAWrongOneIsRefusedByTheEngine() {
        assertEquals(LowBattery.DEFAULT_MV, options.lowBatteryMv());
        assertEquals(3400, options.withLowBatteryMv(3400).lowBatteryMv());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MothershipEngine(options.withLowBatteryMv(60_001)));
        assertEquals("low-battery threshold 60001 mV: expected 1 to 60000, e.g. 2200 for 2 x AA", e.getMessage());
    }
}
