package dev.smartpot.device.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;

/** Reading a device config from text as a board does, for the config tests. */
final class DeviceConfigs {

    private DeviceConfigs() {
    }

    /** Parses and validates {@code text} as "pot.properties"; throws with every problem found. */
    static DeviceConfig read(String text) throws ConfigException {
        ConfigReader reader = new ConfigReader(ConfigSource.parse(text, "pot.properties"));
        DeviceConfig config = DeviceConfig.read(reader);
        reader.finish();
        return config;
    }

    /** The messages of the problems {@code text} must have. */
    static List<String> problems(String text) {
        ConfigException e = assertThrows(ConfigException.class, () -> read(text));
        return e.problems().stream().map(ConfigProblem::message).collect(Collectors.toList());
    }
}
