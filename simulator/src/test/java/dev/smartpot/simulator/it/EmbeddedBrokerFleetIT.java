package dev.smartpot.simulator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.smartpot.broker.EmbeddedBroker;
import dev.smartpot.host.LogTuning;
import dev.smartpot.simulator.SimulatorMain;
import dev.smartpot.testkit.MothershipStandIn;

/**
 * A fleet ramping up on the embedded Moquette, as {@code scripts/simulate --devices N} prints it: no raw broker or
 * client-library warnings, a summary that counts no warnings, and every reading of every pot at an independent
 * subscriber. The test owns the broker (started the way the simulator starts it) so that its subscriber is there
 * before the first reading; the pots see the same in-JVM Moquette as with {@code --broker embedded}.
 */
class EmbeddedBrokerFleetIT {

    private final Path template = PotConfigs.copyOf("simulator.properties");
    /** Enough pots, connecting fast enough, to load a 2-core machine the way a user's ramp does. */
    private static final int POTS = 1000;
    private static final Pattern SUMMARY = Pattern.compile("fleet: stopped " + POTS + " of " + POTS + " pots after [0-9.]+s: "
            + "(\\d+) readings taken, (\\d+) published, (\\d+) still queued, (\\d+) dropped, (\\d+) reconnects, (\\d+) warnings");
    private static final Pattern ID_AND_SEQ = Pattern.compile("\"id\":\"([0-9a-f]{12})\",\"seq\":(\\d+)");

    @BeforeAll
    static void quietLibrariesAsTheSimulatorDoes() {
        LogTuning.quietLibraries();
    }

    @Test
    void aRampingFleetPrintsNoBrokerNoiseCountsNoWarningsAndLosesNoReading() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        String text;
        try (EmbeddedBroker broker = EmbeddedBroker.start(0);
                MothershipStandIn subscriber = MothershipStandIn.on(broker.uri(), "to_mothership/+")) {
            int code = withLibraryLogsTo(out, () -> SimulatorMain.run(new String[] {"--config", template.toString(),
                    "--broker", broker.uri(), "--devices", Integer.toString(POTS), "--ramp", POTS + "/s",
                    "--interval", "2s", "--readings", "3"}, out, out, new ByteArrayInputStream(new byte[0])));
            text = printed.toString(StandardCharsets.UTF_8);
            assertEquals(0, code, text);

            List<String> noise = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.contains("io.moquette") || line.contains("io.netty") || line.contains("com.hivemq")
                        || line.contains("Session expired") || line.contains(" WARN ") || line.contains(" ERROR ")) {
                    noise.add(line);
                }
            }
            assertEquals(List.of(), noise, "no raw library line and no pot warning");
            Matcher summary = SUMMARY.matcher(text);
            assertTrue(summary.find(), text);
            long taken = Long.parseLong(summary.group(1));
            assertEquals(taken, Long.parseLong(summary.group(2)), "every reading taken was published: " + summary.group());
            assertEquals("0 queued, 0 dropped, 0 reconnects, 0 warnings", summary.group(3) + " queued, " + summary.group(4)
                    + " dropped, " + summary.group(5) + " reconnects, " + summary.group(6) + " warnings");

            Awaitility.await("all " + taken + " readings at the subscriber").atMost(Duration.ofSeconds(20))
                    .until(() -> distinctReadings(subscriber) == taken);
            Map<String, TreeSet<Long>> byPot = seqsByPot(subscriber);
            // On a loaded machine some pots may still be waiting for their link when the run ends; they took no
            // reading (taken counts every pot's), so what matters is that every reading taken arrived, gap-free. Each
            // pot's sequence carries on from its last run (kept beside the config, as a board keeps it).
            assertTrue(byPot.size() > 0, "pots were heard");
            for (Map.Entry<String, TreeSet<Long>> pot : byPot.entrySet()) {
                TreeSet<Long> seqs = pot.getValue();
                assertEquals(seqs.size() - 1, seqs.last() - seqs.first(), pot.getKey() + " sent #" + seqs.first() + " to #"
                        + seqs.last() + " without a gap: " + seqs);
            }
        }
    }

    private interface Run {
        int run();
    }

    /** Runs with {@link System#err}, where the libraries' logger writes, copied into {@code out} too. */
    private static int withLibraryLogsTo(PrintStream out, Run run) {
        PrintStream original = System.err;
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                out.write(b);
                original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                out.write(b, off, len);
                original.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8));
        try {
            return run.run();
        } finally {
            System.setErr(original);
        }
    }

    private static long distinctReadings(MothershipStandIn subscriber) {
        long n = 0;
        for (TreeSet<Long> seqs : seqsByPot(subscriber).values()) {
            n += seqs.size();
        }
        return n;
    }

    private static Map<String, TreeSet<Long>> seqsByPot(MothershipStandIn subscriber) {
        Map<String, TreeSet<Long>> byPot = new TreeMap<>();
        List<MothershipStandIn.Received> received = new ArrayList<>(subscriber.received());
        for (MothershipStandIn.Received r : received) {
            Matcher m = ID_AND_SEQ.matcher(r.payload());
            if (m.find()) {
                byPot.computeIfAbsent(m.group(1), id -> new TreeSet<>()).add(Long.parseLong(m.group(2)));
            }
        }
        return byPot;
    }
}
