package dev.smartpot.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Secrets in files other users of the computer can read are not secret: the simulator's settings and the board
 * configuration scripts/flash reads say so with the same words. The check needs POSIX permissions; on other file
 * systems it says nothing.
 */
public final class SecretFilePermissions {

    private SecretFilePermissions() {
    }

    /**
     * A warning if {@code file} holds {@code what} (e.g. "mqtt.password", "wifi.password") and its group or other users may read
     * it; null when it is private or the file system has no POSIX permissions.
     */
    public static String warning(Path file, String what) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException | IOException e) {
            return null;
        }
        boolean groupReads = permissions.contains(PosixFilePermission.GROUP_READ);
        boolean othersRead = permissions.contains(PosixFilePermission.OTHERS_READ);
        if (!groupReads && !othersRead) {
            return null;
        }
        return "warning: " + file + " holds " + what + " and can be read by " + (othersRead ? "every user of this computer" : "its group")
                + " (" + PosixFilePermissions.toString(permissions) + "). Fix: chmod 600 " + file;
    }
}
