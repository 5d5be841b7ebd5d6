package dev.smartpot.firmware.esp32;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * The MicroEJ Simulator's side of the NVS natives (same class and methods as the firmware's, plain Java): each key
 * lives in a file, so it outlives a Simulator run as flash outlives a reboot or a power cut. Like the C, it writes
 * only when the bytes change, and replaces the file in one move (one or the other version, never half). The files
 * are {@code smartpot-nvs-settings.bin} and {@code smartpot-nvs-seqmark.bin} in {@code -Dsmartpot.mock.dir}
 * (default: the Simulator's working directory).
 */
public final class NvsNatives {

    public static final int KEY_SETTINGS = 0;
    public static final int KEY_SEQUENCE_MARK = 1;
    public static final int NOTHING_SAVED = -1;
    public static final int UNCHANGED = 0;
    public static final int WRITTEN = 1;
    private static final String[] KEYS = {"settings", "seqmark"};
    private static final int MAX = 1024;
    private static final int INVALID_ARG = 0x102;
    private static final int INVALID_SIZE = 0x104;
    private static final int INVALID_LENGTH = 0x110c;
    private static final int FAIL = -2;

    private NvsNatives() {
    }

    /** The file of {@code key}, or null for a key the C does not know either. */
    static Path file(int key) {
        if (key < 0 || key >= KEYS.length) {
            return null;
        }
        return Paths.get(System.getProperty("smartpot.mock.dir", System.getProperty("user.dir")),
                "smartpot-nvs-" + KEYS[key] + ".bin");
    }

    public static int load(int key, byte[] buffer, int capacity) {
        Path file = file(key);
        if (file == null || capacity < 0) {
            return -INVALID_ARG;
        }
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

    public static int save(int key, byte[] text, int length) {
        Path file = file(key);
        if (file == null) {
            return -INVALID_ARG;
        }
        if (length < 0 || length > MAX) {
            return -INVALID_SIZE;
        }
        byte[] bytes = Arrays.copyOf(text, length);
        try {
            if (Files.exists(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
                return UNCHANGED;
            }
            Path next = file.resolveSibling(file.getFileName() + ".new");
            Files.write(next, bytes);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.out.println("[mock] NVS: " + KEYS[key] + " written (" + length + " bytes) to " + file);
            return WRITTEN;
        } catch (IOException e) {
            System.out.println("[mock] NVS: cannot write " + file + ": " + e);
            return FAIL;
        }
    }

    public static int maxLength() {
        return MAX;
    }
}
