package dev.smartpot.device.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The sensor, command and Home Assistant keys: defaults, and a clear problem for each bad value. */
class PotFeatureConfigTest {

    private static final String BASE = "wifi.ssid = Home\nmqtt.broker = 192.168.1.10\n";

    private static DeviceConfig read(String text) throws ConfigException {
        return DeviceConfigs.read(BASE + text);
    }

    private static List<String> problems(String text) {
        return DeviceConfigs.problems(BASE + text);
    }

    @Test
    void defaults() throws ConfigException {
        DeviceConfig c = read("");
        assertEquals(7, c.sensor.samples);
        assertEquals(1, c.sensor.smoothing);
        assertEquals(-1, c.sensor.rawMin);
        assertEquals("from_mothership/{id}", c.commands.commandsTopicTemplate);
        assertEquals("to_mothership/{id}/reply", c.commands.replyTopicTemplate);
        assertTrue(c.homeAssistant.discovery);
        assertEquals("homeassistant", c.homeAssistant.prefix);
        assertEquals("homeassistant/status", c.homeAssistant.statusTopic);
    }

    @Test
    void commandTopicsFollowTheSubscribeTopicOrAreSetOutright() throws ConfigException {
        assertEquals("pots/in/{id}", read("mqtt.topic.subscribe = pots/in/#\n").commands.commandsTopicTemplate);
        assertNull(read("mqtt.topic.subscribe = pots/+/in\n").commands.commandsTopicTemplate, "no obvious own topic");
        assertEquals("pots/{id}/in", read("mqtt.topic.subscribe = pots/+/in\nmqtt.topic.commands = pots/{id}/in\n")
                .commands.commandsTopicTemplate);
    }

    @Test
    void thePotsOwnLimitsHaveSafeDefaultsAndAHourBudgetNoBiggerThanTheDay() throws ConfigException {
        SafetyConfig safety = read("").safety;
        assertEquals(30_000, safety.pumpMaxRunMillis);
        assertEquals(300, safety.waterBudgetHourMl);
        assertEquals(1000, safety.waterBudgetDayMl);
        assertEquals(600_000, safety.waterCooldownMillis);
        assertEquals(80, safety.waterWetAbovePercent);
        assertEquals(600_000, safety.rebootEveryMillis);
        assertEquals(5, safety.limitBurst);
        assertEquals(60_000, safety.limitEveryMillis);
        assertEquals(List.of("pot.properties:3: water.budget.hour = \"800\": is more than water.budget.day (500 ml). "
                + "Fix: make water.budget.hour at most water.budget.day"), problems("water.budget.hour = 800\nwater.budget.day = 500\n"));
        List<String> range = problems("water.cooldown = 0s\npump.max.run = 1h\n");
        assertEquals(2, range.size(), range.toString());
        assertTrue(range.get(0).contains("water.cooldown") && range.get(1).contains("pump.max.run"), range.toString());
    }

    @Test
    void sensorProblemsNameTheKeyTheRuleAndTheFix() {
        assertEquals(List.of("pot.properties:4: sensor.raw.dry = \"3200\": is above the ADC's full scale (1023 for sensor.adc.bits). "
                + "Fix: put in the counts the sensor reads in dry air"), problems("sensor.adc.bits = 10\nsensor.raw.dry = 3200\nsensor.raw.wet = 400\n")
                .subList(0, 1));
        assertEquals(List.of("pot.properties:3: sensor.raw.wet = \"4090\": is at a rail of the ADC, where only a broken sensor reads "
                + "(0 to 63 is disconnected, 4032 to 4095 is shorted). Fix: put in the counts the sensor reads in water"),
                problems("sensor.raw.wet = 4090\n"));
        assertEquals(List.of("pot.properties:3: sensor.raw.min = \"3000\": is not below sensor.raw.max (2000). "
                + "Fix: give the lowest and highest counts a working sensor reads, lowest first"),
                problems("sensor.raw.min = 3000\nsensor.raw.max = 2000\n"));
        assertEquals(List.of("pot.properties:3: sensor.raw.dry = \"3200\": is outside the plausible range sensor.raw.min to sensor.raw.max. "
                + "Fix: put in the counts the sensor reads in dry air"), problems("sensor.raw.dry = 3200\nsensor.raw.max = 3000\n"));
        assertEquals(List.of("pot.properties:4: sensor.raw.wet = \"3150\": is only 50 counts from sensor.raw.dry (3200); dry and wet must be "
                + "at least 102 apart to tell moisture from noise. Fix: measure the sensor in dry air and in water and put both counts in"),
                problems("sensor.raw.dry = 3200\nsensor.raw.wet = 3150\n"));
        assertEquals(List.of("pot.properties:3: sensor.samples = \"0\": is out of range 1 to 64. Fix: pick a value in that range; the default is 7"),
                problems("sensor.samples = 0\n"));
    }

    @Test
    void homeAssistantAndTopicProblems() {
        assertEquals(List.of("pot.properties:4: homeassistant.discovery = \"true\": needs payload.format = json: Home Assistant reads the "
                + "moisture from the JSON fields. Fix: set payload.format = json, or homeassistant.discovery = false"),
                problems("payload.format = text\nhomeassistant.discovery = true\n"));
        assertTrue(problems("homeassistant.prefix = ha/#\n").get(0).startsWith("pot.properties:3: homeassistant.prefix = \"ha/#\": contains the wildcard '#'"));
        assertTrue(problems("homeassistant.prefix = /ha\n").get(0).contains("starts or ends with '/'"));
        assertTrue(problems("mqtt.topic.reply = replies/+\n").get(0).startsWith("pot.properties:3: mqtt.topic.reply = \"replies/+\": contains the wildcard '+'"));
    }
}
