package dev.smartpot.mothership;

import java.io.IOException;
import java.nio.file.Path;

import dev.smartpot.mothership.backup.BackupException;
import dev.smartpot.mothership.backup.Restore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code scripts/mothership restore --data DIR FILE}: fills an empty store from a backup. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Fills an empty data folder (or, with --db, an empty PostgreSQL database) from a backup FILE.",
                "A folder or database that holds anything is refused. Then start the mothership on it as usual. See docs/backup.md."})
final class RestoreCommand extends StoreCommand {

    @Parameters(paramLabel = "FILE", description = "A file that 'backup' or the nightly backup wrote.")
    Path file;

    @Override
    String work() throws IOException, BackupException {
        Restore.Restored done = store.postgres() ? Restore.intoPostgres(file, store.address())
                : Restore.intoFolder(file, store.data, MothershipApp.Options.SQLITE_FILE);
        return String.format("mothership: restored %s into %s (schema version %d): %s", file, done.target(),
                done.schemaVersion(), done.rows());
    }
}
