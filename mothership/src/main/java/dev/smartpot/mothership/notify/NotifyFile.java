package dev.smartpot.mothership.notify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code --notify-file FILE}: one target URL a line ({@code #} starts a comment). The URLs hold passwords and
 * tokens, so a file that others than its owner may read or write is refused.
 */
public final class NotifyFile {

    private NotifyFile() {
    }

    public static List<String> read(Path file) throws IOException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IOException("--notify-file " + file + " cannot be read. Fix: create it with one notification URL a line,"
                    + " readable by this user only (chmod 600)");
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            Set<PosixFilePermission> others = Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                    PosixFilePermission.OTHERS_EXECUTE);
            if (perms.stream().anyMatch(others::contains)) {
                throw new IOException("--notify-file " + file + " may be read or changed by others (" + PosixFilePermissions.toString(perms)
                        + ") and its URLs hold secrets. Fix: chmod 600 " + file);
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to check.
        }
        List<String> urls = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(file)) {
            n++;
            String url = line.strip();
            if (url.isEmpty() || url.startsWith("#")) {
                continue;
            }
            try {
                Target.parse(url);
            } catch (IllegalArgumentException e) {
                throw new IOException("--notify-file " + file + " line " + n + ": " + e.getMessage(), e);
            }
            urls.add(url);
        }
        return urls;
    }
}
