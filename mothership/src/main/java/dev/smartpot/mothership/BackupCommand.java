package dev.smartpot.mothership;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.smartpot.mothership.backup.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code scripts/mothership backup --data DIR FILE}: a consistent copy of the store, while the mothership runs. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Writes a consistent copy of the store to FILE, safely while the mothership runs.",
                "FILE is an SQLite database file that 'restore' puts into SQLite or PostgreSQL; the dashboard login is not in it."
                        + " See docs/backup.md."})
final class BackupCommand implements Callable<Integer> {

    @Mixin
    StoreFlags store;

    @Parameters(paramLabel = "FILE", description = "The backup file to write (must not exist yet), e.g. smartpot-2026-12-07.sqlite.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return StoreCommand.run(spec, () -> {
            Backups.Made made = Backups.backup(store.address(), file);
            return String.format("mothership: backup written to %s (%,d bytes, %d pots, %,d readings, schema version %d)",
                    made.file(), made.bytes(), made.pots(), made.readings(), made.schemaVersion());
        });
    }
}
