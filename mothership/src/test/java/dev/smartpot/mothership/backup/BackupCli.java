package dev.smartpot.mothership.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.smartpot.mothership.MothershipApp;
import dev.smartpot.mothership.MothershipMain;
import dev.smartpot.mothership.api.PotView;
import dev.smartpot.mothership.api.ReadingView;
import dev.smartpot.mothership.engine.MothershipEngine;

/**
 * What the backup ITs check alike: the command line run as a user runs it, and a backup restored into a new data
 * folder, started and read back pot by pot.
 */
final class BackupCli {

    private String output = "";

    /** Runs the mothership's command line; what it printed (both streams) is {@link #output} until the next run. */
    int run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = MothershipMain.run(args, print, print);
        output = bytes.toString(StandardCharsets.UTF_8);
        return code;
    }

    String output() {
        return output;
    }

    /** Restores {@code backup} into {@code folder} with the command line, starts a mothership on it, lists its readings. */
    Map<String, List<Long>> restoreAndList(Path backup, Path folder) throws Exception {
        assertEquals(0, run("restore", "--data", folder.toString(), backup.toString()), output);
        MothershipApp restored = MothershipApp.start(new MothershipApp.Options(null, 0, "127.0.0.1", 0, folder, null, null, null, false, null));
        try {
            return readingSeqs(restored.engine());
        } finally {
            restored.close();
        }
    }

    /** Each pot's stored reading seqs, in order. */
    static Map<String, List<Long>> readingSeqs(MothershipEngine engine) {
        Map<String, List<Long>> seqs = new TreeMap<>();
        for (PotView pot : engine.pots()) {
            seqs.put(pot.id(), engine.readings(pot.id(), Instant.EPOCH, Instant.now().plus(Duration.ofDays(1)), 100_000).stream()
                    .map(ReadingView::seq).sorted().toList());
        }
        return seqs;
    }
}
