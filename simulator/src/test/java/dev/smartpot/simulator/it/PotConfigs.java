package dev.smartpot.simulator.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A board-config template copied into a folder of the test's own under {@code target/}. A pot keeps its RTC memory,
 * sequence mark and saved settings beside its config file, so a test that ran the template in place would write into
 * the repository and share that state with every other test (and with a test running at the same time in another fork).
 */
final class PotConfigs {

    private static final Path TEMPLATES = Path.of("..", "board-config");
    private static final Path COPIES = Path.of("target", "pot-configs");

    private PotConfigs() {
    }

    /** A fresh copy of {@code board-config/NAME}, under the same file name, alone in a new folder. */
    static Path copyOf(String name) {
        try {
            Files.createDirectories(COPIES);
            Path dir = Files.createTempDirectory(COPIES, "pot-");
            return Files.copy(TEMPLATES.resolve(name), dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy board-config/" + name + " for a test", e);
        }
    }
}
