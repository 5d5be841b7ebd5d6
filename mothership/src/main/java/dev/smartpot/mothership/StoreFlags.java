package dev.smartpot.mothership;

import java.io.IOException;
import java.nio.file.Path;

import dev.smartpot.mothership.backup.StoreAddress;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** The flags that name a mothership's store, shared by {@code backup} and {@code restore}. */
final class StoreFlags {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data/mothership",
            description = "The mothership's data folder, whose " + MothershipApp.Options.SQLITE_FILE + " is the store (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "PostgreSQL instead, e.g. jdbc:postgresql://127.0.0.1:5432/smartpot.")
    String db;

    @Option(names = "--db-user", paramLabel = "NAME", description = "PostgreSQL user (or put it in the URL).")
    String dbUser;

    @Option(names = "--db-password-file", paramLabel = "FILE", description = "File holding the PostgreSQL password.")
    Path dbPasswordFile;

    /**
     * {@code scripts/mothership --data X backup FILE} would give --data to the mothership, not to backup, and
     * back up the default folder instead: refused, with the order that works.
     */
    static void refuseBeforeSubcommand(CommandSpec spec) {
        ParseResult parent = spec.parent().commandLine().getParseResult();
        for (String flag : new String[] {"--data", "--db", "--db-user", "--db-password-file"}) {
            if (parent != null && parent.hasMatchedOption(flag)) {
                throw new IllegalArgumentException(flag + " stands before '" + spec.name() + "', where it means the running mothership's."
                        + " Fix: put it after: scripts/mothership " + spec.name() + " " + flag + " ... FILE");
            }
        }
    }

    boolean postgres() {
        return db != null;
    }

    StoreAddress address() throws IOException {
        if (db == null) {
            return StoreAddress.sqlite(data.resolve(MothershipApp.Options.SQLITE_FILE));
        }
        if (!db.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("--db \"" + db + "\" is not a PostgreSQL JDBC URL. Fix: write jdbc:postgresql://HOST:5432/DATABASE,"
                    + " or leave --db out for the SQLite file in --data");
        }
        return new StoreAddress(db, dbUser, MothershipMain.secret(dbPasswordFile, "--db-password-file"));
    }
}
