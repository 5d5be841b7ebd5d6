package dev.smartpot.mothership;

import java.io.IOException;
import java.nio.file.Path;

import dev.smartpot.mothership.backup.BackupException;
import dev.smartpot.mothership.backup.BackupSocket;
import dev.smartpot.mothership.backup.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code scripts/mothership backup --data DIR FILE}: a consistent copy of the store, while the mothership runs. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Writes a consistent copy of the store to FILE, safely while the mothership runs.",
                "FILE is an SQLite database file that 'restore' puts into SQLite or PostgreSQL; the dashboard login is not in it."
                        + " See docs/backup.md."})
final class BackupCommand extends StoreCommand {

    @Parameters(paramLabel = "FILE", description = "The backup file to write (must not exist yet), e.g. smartpot-2026-12-07.sqlite.")
    Path file;

    @Override
    String work() throws IOException, BackupException {
        // A running SQLite mothership holds its file for itself: it makes the backup, if one runs.
        Backups.Made made = store.postgres() ? null : BackupSocket.ask(store.data, file);
        if (made == null) {
            made = Backups.backup(store.address(), file);
        }
        return String.format("mothership: backup written to %s (%,d bytes, %d pots, %,d readings, schema version %d)",
                made.file(), made.bytes(), made.pots(), made.readings(), made.schemaVersion());
    }
}
