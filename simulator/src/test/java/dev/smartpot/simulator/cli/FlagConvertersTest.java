package dev.smartpot.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void readingsAreACountOfOneOrMore() {
        assertEquals(5L, new FlagConverters.ReadingCount().convert("5"));
        for (String bad : new String[] {"0", "-1", "few"}) {
            assertEquals("--readings " + bad + " is not a count of readings. Fix: pass a whole number of 1 or more, such as --readings 5",
                    assertThrows(FlagProblem.class, () -> new FlagConverters.ReadingCount().convert(bad)).getMessage());
        }
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
        assertEquals("pot.properties:1: mqtt.broker is a TLS broker (ssl://pi.local:8883), but --broker is embedded,"
                + " which has no TLS. Fix: drop --broker embedded to use the file's broker, or pass --broker ssl://HOST:PORT",
                new BrokerChoice(BrokerChoice.EMBEDDED, 0).decide(source));
        assertEquals(null, new BrokerChoice(BrokerChoice.CONFIG, 0).decide(source));
        assertEquals(null, new BrokerChoice(null, 0).decide(source));
        assertEquals(null, BrokerChoice.fleetProblemWith(new String[] {"tcp://127.0.0.1:1883"}));
    }

    @Test
    void aBrokerTheFileNamesIsUsedUnlessAFlagSaysOtherwise() {
        dev.smartpot.device.config.ConfigSource named = dev.smartpot.device.config.ConfigSource.parse(
                "mqtt.broker = 192.168.1.10\n", "pot.properties");
        assertFalse(chosen(null, named).embedded(), "the file's broker, as written");
        assertFalse(chosen(BrokerChoice.CONFIG, named).embedded());
        assertTrue(chosen(BrokerChoice.EMBEDDED, named).embedded(), "--broker embedded forces the embedded one");
        dev.smartpot.device.config.ConfigSource template = dev.smartpot.device.config.ConfigSource.parse(
                "mqtt.broker = embedded\n", "simulator.properties");
        assertTrue(chosen(null, template).embedded(), "the shipped template chose no broker of the user's");
        assertTrue(chosen(BrokerChoice.CONFIG, template).embedded());
        assertTrue(chosen(null, dev.smartpot.device.config.ConfigSource.parse("wifi.ssid = x\n", "p")).embedded());
        assertFalse(chosen("tcp://127.0.0.1:1883", template).embedded());
    }

    private static BrokerChoice chosen(String flag, dev.smartpot.device.config.ConfigSource source) {
        BrokerChoice choice = new BrokerChoice(flag, 0);
        assertEquals(null, choice.decide(source));
        return choice;
    }
}
