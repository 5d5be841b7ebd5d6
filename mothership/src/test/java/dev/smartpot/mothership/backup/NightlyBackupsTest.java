package dev.smartpot.mothership.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smartpot.mothership.store.Database;
import dev.smartpot.mothership.testing.ManualClock;

/** The nightly schedule: when it runs next, what it names its files, and that it keeps only the newest N of its own. */
class NightlyBackupsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BackupPlan AT_THREE = new BackupPlan(Path.of("unused"), 7, LocalTime.of(3, 0));

    @TempDir
    Path tmp;

    @Test
    void runsAtTheNextThreeOClockOfThePisZone() {
        assertEquals(Duration.ofHours(1), NightlyBackups.untilNext(ZonedDateTime.of(2026, 12, 7, 2, 0, 0, 0, BERLIN), AT_THREE));
        assertEquals(Duration.ofHours(23), NightlyBackups.untilNext(ZonedDateTime.of(2026, 12, 7, 4, 0, 0, 0, BERLIN), AT_THREE));
        assertEquals(Duration.ofDays(1), NightlyBackups.untilNext(ZonedDateTime.of(2026, 12, 7, 3, 0, 0, 0, BERLIN), AT_THREE),
                "just run: the next is tomorrow");
        // The night the clocks go back (25 hours from 02:30 to 02:30): 03:00 comes once, 24.5 h after.
        assertEquals(Duration.ofMinutes(30 + 24 * 60),
                NightlyBackups.untilNext(ZonedDateTime.of(2026, 10, 24, 3, 30, 0, 0, BERLIN), AT_THREE));
    }

    @Test
    void keepsTheNewestAndLeavesOtherFilesAlone() throws Exception {
        Path dbFile = tmp.resolve("data").resolve("mothership.db");
        Database.sqlite(dbFile).close();
        Path dir = tmp.resolve("backups");
        // Moves only when told: the first two backups fall in one second however long the first takes (a loaded machine).
        ManualClock clock = new ManualClock(Instant.parse("2026-12-07T02:00:00Z"));
        NightlyBackups nightly = new NightlyBackups(StoreAddress.sqlite(dbFile), new BackupPlan(dir, 2, LocalTime.of(3, 0)), clock);
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Files.writeString(dir.resolve("smartpot-by-hand.sqlite"), "mine too");
        assertTrue(nightly.latest().isEmpty());
        Path first = nightly.now().file();
        assertThrows(BackupException.class, nightly::now, "a second one in the same second is refused, not overwritten");
        clock.advance(Duration.ofDays(1));
        nightly.now();
        clock.advance(Duration.ofDays(1));
        Path third = nightly.now().file();
        assertEquals(third, nightly.latest().orElseThrow());
        assertTrue(!Files.exists(first), "the oldest beyond --backup-keep 2 is deleted");
        try (var files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(4, names.size(), names.toString());
            assertTrue(names.contains("notes.txt") && names.contains("smartpot-by-hand.sqlite"), names.toString());
            assertTrue(third.getFileName().toString().matches("smartpot-[0-9]{8}-[0-9]{6}\\.sqlite"), third.toString());
        }
        nightly.close();
    }

    @Test
    void keepingNoneIsRefusedWithTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BackupPlan(tmp, 0, LocalTime.NOON));
        assertTrue(e.getMessage().contains("--backup-keep 0 keeps no backup. Fix: give 1 or more"), e.getMessage());
    }
}
