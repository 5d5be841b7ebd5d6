package dev.smartpot.mothership.backup;

import java.nio.file.Path;
import java.time.LocalTime;

/**
 * Nightly backups: into {@code dir}, at {@code at} in the Pi's time zone, keeping the {@code keep} newest.
 *
 * @param dir null for no nightly backups
 */
public record BackupPlan(Path dir, int keep, LocalTime at) {

    public static final BackupPlan NONE = new BackupPlan(null, 0, null);
    public static final int DEFAULT_KEEP = 7;
    public static final LocalTime DEFAULT_AT = LocalTime.of(3, 0);

    public BackupPlan {
        if (dir != null && keep < 1) {
            throw new IllegalArgumentException("--backup-keep " + keep + " keeps no backup. Fix: give 1 or more, e.g. "
                    + DEFAULT_KEEP + " for a week of nightly backups");
        }
    }

    public boolean enabled() {
        return dir != null;
    }
}
