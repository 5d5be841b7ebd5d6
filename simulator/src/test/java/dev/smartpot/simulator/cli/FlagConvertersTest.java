package dev.smartpot.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Each flag's converter takes what a user types and refuses the rest with the fix. */
class FlagConvertersTest {

    @Test
    void ratesAreConnectsPerSecondWithOrWithoutPerSecond() {
        assertEquals(500.0, new FlagConverters.ConnectRate().convert("500/s"));
        assertEquals(2.5, new FlagConverters.ConnectRate().convert(" 2.5 "));
        FlagProblem e = assertThrows(FlagProblem.class, () -> new FlagConverters.ConnectRate().convert("0/s"));
        assertEquals("--ramp \"0/s\" is not a rate. Fix: write connects per second, e.g. --ramp 500/s", e.getMessage());
    }

    @Test
    void devicesAndThreadsAreBounded() {
        assertEquals(100_000, new FlagConverters.DeviceCount().convert("100000"));
        assertEquals("--devices 100001 is out of range 1 to 100000. Fix: pass a pot count such as --devices 1000",
                assertThrows(FlagProblem.class, () -> new FlagConverters.DeviceCount().convert("100001")).getMessage());
        assertEquals("--devices many is out of range 1 to 100000. Fix: pass a pot count such as --devices 1000",
                assertThrows(FlagProblem.class, () -> new FlagConverters.DeviceCount().convert("many")).getMessage());
        assertEquals("--threads 0 is out of range 1 to 1000. Fix: leave it out (default 8)",
                assertThrows(FlagProblem.class, () -> new FlagConverters.ThreadCount().convert("0")).getMessage());
    }

    @Test
    void aDurationIsKeptAsWrittenOrRefusedWithTheFix() {
        assertEquals("15s", new FlagConverters.DurationText().convert("15s"));
        assertEquals("--duration \"soon\" is not a duration. Fix: write a whole number followed by ms, s, m or h, e.g. 15s",
                assertThrows(FlagProblem.class, () -> new FlagConverters.DurationText().convert("soon")).getMessage());
    }

    @Test
    void theEmbeddedBrokerRefusesATlsSettingsFileAndAFleetRefusesTls() {
        dev.smartpot.device.config.ConfigSource source = dev.smartpot.device.config.ConfigSource.parse(
                "mqtt.broker = ssl://pi.local:8883\n", "pot.properties");
        assertEquals("pot.properties:1: mqtt.broker is a TLS broker (ssl://pi.local:8883), but --broker is embedded (the default),"
                + " which has no TLS. Fix: add --broker config to use the file's broker, or pass --broker ssl://HOST:PORT",
                new BrokerChoice(BrokerChoice.EMBEDDED, 0).problemWith(source));
        assertEquals(null, new BrokerChoice(BrokerChoice.CONFIG, 0).problemWith(source));
        assertEquals(null, BrokerChoice.fleetProblemWith(new String[] {"tcp://127.0.0.1:1883"}));
    }
}
