package dev.smartpot.mothership;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.smartpot.mothership.backup.Restore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code scripts/mothership restore --data DIR FILE}: fills an empty store from a backup. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Fills an empty data folder (or, with --db, an empty PostgreSQL database) from a backup FILE.",
                "A folder or database that holds anything is refused. Then start the mothership on it as usual. See docs/backup.md."})
final class RestoreCommand implements Callable<Integer> {

    @Mixin
    StoreFlags store;

    @Parameters(paramLabel = "FILE", description = "A file that 'backup' or the nightly backup wrote.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return StoreCommand.run(spec, () -> {
            Restore.Restored done = store.postgres() ? Restore.intoPostgres(file, store.address())
                    : Restore.intoFolder(file, store.data, MothershipApp.Options.SQLITE_FILE);
            return String.format("mothership: restored %s into %s (schema version %d): %s", file, done.target(),
                    done.schemaVersion(), done.rows());
        });
    }
}
