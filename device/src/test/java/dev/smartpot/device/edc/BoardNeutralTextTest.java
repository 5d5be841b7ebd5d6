package dev.smartpot.device.edc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.PotNode;

/**
 * The core's lines print on a board's serial console too, so its text names no desktop tool; the simulator adds
 * those hints through {@link dev.smartpot.device.board.FixHints}. Scans the string constants of the compiled core
 * (comments do not reach the class files).
 */
class BoardNeutralTextTest {

    private static final String[] DESKTOP_ONLY = {"scripts/", "mosquitto_pub", "mosquitto_sub", "fleet mode", "--broker"};

    @Test
    void theCoresTextNamesNoDesktopTool() throws Exception {
        Path classes = Path.of(PotNode.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String text = read(f);
                for (String tool : DESKTOP_ONLY) {
                    if (text.contains(tool)) {
                        found.add(classes.relativize(f) + " names " + tool);
                    }
                }
            }
        }
        assertTrue(Files.isDirectory(classes.resolve("dev/smartpot/device/link")), "scanned the core's classes under " + classes);
        assertEquals(List.of(), found);
    }

    private static String read(Path classFile) throws IOException {
        // Constant-pool strings are modified UTF-8: ISO-8859-1 keeps their ASCII bytes as they are.
        return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
    }
}
