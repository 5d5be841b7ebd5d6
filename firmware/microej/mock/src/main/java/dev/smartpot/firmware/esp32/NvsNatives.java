package dev.smartpot.firmware.esp32;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * The MicroEJ Simulator's side of the NVS natives (same class and methods as the firmware's, plain Java): the settings
 * live in a file, so they outlive a Simulator run as flash outlives a reboot. Like the C, it writes only when the
 * bytes change, and replaces the file in one move (one or the other version, never half). The file is
 * {@code smartpot-nvs-settings.bin} in {@code -Dsmartpot.mock.dir} (default: the Simulator's working directory).
 */
public final class NvsNatives {

    public static final int NOTHING_SAVED = -1;
    public static final int UNCHANGED = 0;
    public static final int WRITTEN = 1;
    private static final int MAX = 1024;
    private static final int INVALID_SIZE = 0x104;
    private static final int INVALID_LENGTH = 0x110c;
    private static final int FAIL = -2;

    private NvsNatives() {
    }

    static Path file() {
        return Paths.get(System.getProperty("smartpot.mock.dir", System.getProperty("user.dir")), "smartpot-nvs-settings.bin");
    }

    public static int settingsLoad(byte[] buffer, int capacity) {
        Path file = file();
        if (!Files.exists(file)) {
            return NOTHING_SAVED;
        }
        try {
            byte[] saved = Files.readAllBytes(file);
            if (saved.length > capacity) {
                return -INVALID_LENGTH;
            }
            System.arraycopy(saved, 0, buffer, 0, saved.length);
            return saved.length;
        } catch (IOException e) {
            System.out.println("[mock] NVS: cannot read " + file + ": " + e);
            return FAIL;
        }
    }

    public static int settingsSave(byte[] text, int length) {
        if (length < 0 || length > MAX) {
            return -INVALID_SIZE;
        }
        Path file = file();
        byte[] bytes = Arrays.copyOf(text, length);
        try {
            if (Files.exists(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
                return UNCHANGED;
            }
            Path next = file.resolveSibling(file.getFileName() + ".new");
            Files.write(next, bytes);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.out.println("[mock] NVS: settings written (" + length + " bytes) to " + file);
            return WRITTEN;
        } catch (IOException e) {
            System.out.println("[mock] NVS: cannot write " + file + ": " + e);
            return FAIL;
        }
    }

    public static int settingsMax() {
        return MAX;
    }
}
