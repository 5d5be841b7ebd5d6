package dev.smartpot.mothership;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The data folder (SQLite file, dashboard login) is the owner's alone, whatever the umask of whoever started
 * the mothership: a JVM cannot set its umask, so the folder is made (or tightened to) rwx------ and the
 * database file is made rw------- before SQLite opens it (SQLite gives its -wal file the same mode).
 */
final class DataFolder {

    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private DataFolder() {
    }

    /** @return a note for the log when an existing folder was open to others, else null */
    static String makePrivate(Path dir, Path sqliteFile) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(dir);
            return null;
        }
        String note = null;
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
        } else {
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(dir);
            if (!now.equals(OWNER_ONLY_DIR) && Files.isWritable(dir)) {
                Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
                note = "made " + dir + " private to this user (it was " + PosixFilePermissions.toString(now) + ")";
            }
        }
        if (sqliteFile != null && !Files.exists(sqliteFile)) {
            Files.createFile(sqliteFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        }
        return note;
    }
}
