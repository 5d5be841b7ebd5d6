package dev.smartpot.mothership;

import java.io.IOException;

import dev.smartpot.mothership.backup.BackupException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How {@code backup} and {@code restore} run alike: their store flags must follow the command, success is one line
 * on the output, and a problem is one line on the error stream with the exit code that tells a usage error (fix the
 * command) from a failed copy.
 */
final class StoreCommand {

    /** The command's own work; answers the line that says what it did. */
    interface Work {
        String run() throws IOException, BackupException;
    }

    private StoreCommand() {
    }

    static int run(CommandSpec spec, Work work) {
        try {
            StoreFlags.refuseBeforeSubcommand(spec);
            spec.commandLine().getOut().println(work.run());
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
