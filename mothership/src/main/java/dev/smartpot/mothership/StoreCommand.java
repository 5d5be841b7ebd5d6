package dev.smartpot.mothership;

import java.io.IOException;
import java.util.concurrent.Callable;

import dev.smartpot.mothership.backup.BackupException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What {@code backup} and {@code restore} share: the store flags, which must follow the command; success is one line
 * on the output, and a problem one line on the error stream with the exit code that tells a usage error (fix the
 * command) from a failed copy.
 */
abstract class StoreCommand implements Callable<Integer> {

    @Mixin
    StoreFlags store;

    @Spec
    CommandSpec spec;

    /** The command's own work; answers the line that says what it did. */
    abstract String work() throws IOException, BackupException;

    @Override
    public final Integer call() {
        try {
            StoreFlags.refuseBeforeSubcommand(spec);
            spec.commandLine().getOut().println(work());
            return MothershipMain.EXIT_OK;
        } catch (IllegalArgumentException | IOException e) {
            spec.commandLine().getErr().println("mothership: " + e.getMessage());
            return MothershipMain.EXIT_USAGE;
        } catch (BackupException e) {
            spec.commandLine().getErr().println("mothership: " + e.getMessage());
            return MothershipMain.EXIT_FAILED;
        }
    }
}
