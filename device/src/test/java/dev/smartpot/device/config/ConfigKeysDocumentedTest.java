package dev.smartpot.device.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.text.Durations;

/**
 * The templates in board-config/ are the pot's documentation: every key of {@link ConfigKeys} is shown in one of
 * them (set, or commented out), a key with a fixed default is shown with that default somewhere, and they show
 * no key the pot does not read (sim.* keys are the simulator's own).
 */
class ConfigKeysDocumentedTest {

    private static final Pattern SETTING = Pattern.compile("^#? ?([a-z0-9_]+(?:\\.[a-z0-9_]+)+) ?= ?(.*)$");

    @Test
    void everyKeyIsDocumentedWithItsDefaultAndNoOtherKeyIs() throws IOException {
        Map<String, Set<String>> shown = documented(Path.of("..", "board-config"));
        List<String> wrong = new ArrayList<>();
        Set<String> keys = new TreeSet<>();
        for (ConfigKey key : ConfigKeys.all()) {
            keys.add(key.name);
            Set<String> values = shown.get(key.name);
            if (values == null) {
                wrong.add(key.name + " is in no board-config template");
            } else if (key.type != ConfigKey.TEXT && key.type != ConfigKey.SECRET && key.defaultText != null
                    && key.defaultValue >= 0 && values.stream().noneMatch(v -> isDefault(key, v))) {
                wrong.add(key.name + " is never shown with its default " + key.defaultText + " (shown: " + values + ")");
            }
        }
        for (String name : shown.keySet()) {
            if (!name.startsWith("sim.") && !keys.contains(name)) {
                wrong.add(name + " is documented but no pot reads it");
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static boolean isDefault(ConfigKey key, String shown) {
        return key.type == ConfigKey.DURATION ? Durations.parseMillis(shown) == key.defaultValue : shown.equals(key.defaultText);
    }

    private static Map<String, Set<String>> documented(Path dir) throws IOException {
        assertTrue(Files.isDirectory(dir), "the templates are in " + dir.toAbsolutePath());
        Map<String, Set<String>> shown = new TreeMap<>();
        List<Path> templates;
        try (Stream<Path> files = Files.list(dir)) {
            templates = files.filter(p -> p.toString().endsWith(".properties")).collect(Collectors.toList());
        }
        assertTrue(templates.size() >= 4, "templates found: " + templates);
        for (Path template : templates) {
            for (String line : Files.readAllLines(template)) {
                Matcher m = SETTING.matcher(line.trim());
                if (m.matches()) {
                    shown.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2).trim());
                }
            }
        }
        return shown;
    }
}
