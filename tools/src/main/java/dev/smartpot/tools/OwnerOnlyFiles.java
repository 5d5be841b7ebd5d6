package dev.smartpot.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * What scripts/flash writes for the firmware holds the WiFi and MQTT passwords and the pot's TLS key: files only
 * their owner can read (600) in folders only their owner can open (700), whatever the umask says. On a file
 * system without POSIX permissions it writes the files plainly and says nothing.
 */
final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFiles() {
    }

    /** Creates {@code folder} if needed (its parents as usual) and makes it the owner's alone. */
    static void folder(Path folder) throws IOException {
        Files.createDirectories(folder);
        restrict(folder, FOLDER);
    }

    /** Writes {@code bytes} to {@code file}, owner-only before the first byte lands, even over an older, looser file. */
    static void write(Path file, byte[] bytes) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        restrict(file, FILE);
        Files.write(file, bytes);
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException e) {
            // no POSIX permissions here (e.g. a FAT-formatted stick): nothing to restrict
        }
    }
}
