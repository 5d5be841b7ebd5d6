package dev.smartpot.simulator.board;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import dev.smartpot.device.board.SettingsStore;

/**
 * The simulated board's flash for settings: one text file (beside the config, {@code <config>.state}).
 * A save writes a temporary file next to it and renames it over the old one, so a crash mid-save
 * leaves the old settings or the new ones, never half a file.
 */
public final class FileSettingsStore implements SettingsStore {

    private final Path file;

    public FileSettingsStore(Path file) {
        this.file = file;
    }

    /** {@code board-config/simulator.properties} keeps its settings in {@code board-config/simulator.properties.state}. */
    public static FileSettingsStore besideConfig(Path configFile) {
        return new FileSettingsStore(configFile.resolveSibling(configFile.getFileName() + ".state"));
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized String load() throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void save(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        save(bytes, bytes.length);
    }

    @Override
    public synchronized void save(byte[] text, int length) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, file.getFileName() + ".", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                out.write(text, 0, length);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
