package dev.smartpot.simulator.board;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.config.ConfigSource;

/** Where a value came from, as the person who typed the command would say it. */
class ConfigLabelsTest {

    @Test
    void aFlagTheFileAndLineADefaultAndTheSavedFileAreNamedInTheUsersTerms() {
        ConfigSource source = ConfigSource.parse("wifi.ssid = Home\npublish.interval = 5s\nsensor.raw.dry = 3000\n", "pot.properties");
        source.override("publish.interval", "1s", "command line --interval");
        source.override("mqtt.topic.publish", "to_mothership/{id}", "the fleet's default (--devices)");
        ConfigLabels labels = new ConfigLabels(source, Path.of("pot.properties.state"));
        assertEquals("--interval 1s", labels.configOrigin("publish.interval"));
        assertEquals("the config file pot.properties:3", labels.configOrigin("sensor.raw.dry"));
        assertEquals("the default (pot.properties sets no sensor.raw.wet)", labels.configOrigin("sensor.raw.wet"));
        assertEquals("the fleet's default (--devices)", labels.configOrigin("mqtt.topic.publish"));
        assertEquals("pot.properties.state", labels.savedIn());
    }
}
