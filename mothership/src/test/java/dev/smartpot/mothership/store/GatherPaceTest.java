package dev.smartpot.mothership.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The gather against a broker's pace and its in-flight window, on a clock that moves only when the gather waits. */
class GatherPaceTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    /** What the writer did with each batch: its size and how long the gather waited for it. */
    private record Commit(int size, long waitedNanos) {
    }

    /** The writer's loop (first message, what is queued, the gather), each commit acknowledged at once. */
    private static List<Commit> run(WindowedBroker broker, Gather gather) throws InterruptedException {
        List<Commit> commits = new ArrayList<>();
        while (!broker.done()) {
            Object first = broker.poll(1, TimeUnit.HOURS);
            if (first == null) {
                break;
            }
            List<Object> batch = new ArrayList<>(List.of(first));
            broker.drainTo(batch, 4_999);
            long start = broker.now();
            gather.more(broker, batch, 5_000, o -> false, () -> true);
            commits.add(new Commit(batch.size(), broker.now() - start));
            broker.ack(batch.size());
        }
        return commits;
    }

    @Test
    void fiveThousandPotsAtOneAMinuteCommitAboutOnceASecond() throws Exception {
        // 83 readings a second, the board's broker window (10,000): a second's readings in each commit, not 10.
        WindowedBroker broker = new WindowedBroker(WindowedBroker.paced(1_000, 12 * MS), 10_000);
        Gather gather = new Gather(broker::now);
        List<Commit> commits = run(broker, gather);
        assertEquals(1_000, commits.stream().mapToInt(Commit::size).sum(), "every reading committed once");
        assertTrue(commits.size() <= 13, "about one commit a second over 12 s, was " + commits.size());
        for (Commit c : commits.subList(0, commits.size() - 1)) {
            assertTrue(c.size() >= 80, "each commit holds a second's readings: " + commits);
        }
        assertEquals(Integer.MAX_VALUE, gather.limit(), "no window learnt from a steady flow");
    }

    @Test
    void twentyPotsAtFiveSecondsFillTheWindowAndTeachNoBrokerWindow() throws Exception {
        // One reading every 250 ms for two minutes: each gap is longer than GAP, yet no broker stopped sending.
        WindowedBroker broker = new WindowedBroker(WindowedBroker.paced(480, 250 * MS), 10_000);
        Gather gather = new Gather(broker::now);
        List<Commit> commits = run(broker, gather);
        assertEquals(480, commits.stream().mapToInt(Commit::size).sum(), "every reading committed once");
        for (Commit c : commits.subList(0, commits.size() - 1)) {
            assertEquals(Gather.WINDOW.toNanos(), c.waitedNanos(), "each batch waits out the window: " + commits);
            assertTrue(c.size() >= 12, "a window's readings in each commit, not ENOUGH's 10: " + commits);
        }
        assertEquals(Integer.MAX_VALUE, gather.limit(), "no window learnt from a steady trickle");
    }

    @Test
    void aPausePastEnoughEndsTheBatchWithoutWaitingForTheWindow() throws Exception {
        long[] at = new long[16];
        for (int i = 0; i < 15; i++) {
            at[i] = i * MS;
        }
        at[15] = 600 * MS;
        WindowedBroker broker = new WindowedBroker(at, 10_000);
        List<Commit> commits = run(broker, new Gather(broker::now));
        assertEquals(15, commits.get(0).size(), "the 15 that came in a row");
        assertEquals((14 + Gather.GAP.toMillis()) * MS, commits.get(0).waitedNanos(), "ended by the pause, not the 1 s window");
        assertEquals(1, commits.get(1).size());
    }

    @Test
    void aBusyBrokerWithTheDefaultWindowOf20IsWaitedOnTwiceThenNever() throws Exception {
        // Mosquitto's default max_inflight_messages: it stops at 20 unacknowledged until the commit acknowledges them.
        WindowedBroker broker = new WindowedBroker(WindowedBroker.paced(2_000, MS / 10), 20);
        Gather gather = new Gather(broker::now);
        List<Commit> commits = run(broker, gather);
        assertEquals(2_000, commits.stream().mapToInt(Commit::size).sum());
        assertEquals(20, commits.get(0).size());
        assertEquals(20, commits.get(1).size());
        assertEquals(Gather.ENOUGH, gather.limit(), "half the window it saw twice, at least ENOUGH");
        for (Commit c : commits.subList(2, commits.size())) {
            assertEquals(0, c.waitedNanos(), "once learnt, the writer commits what it has: " + commits);
        }
    }

    @Test
    void pausesAtDifferentSizesAreTrafficNotAWindow() throws Exception {
        // Bursts of 30, 31, 31 readings, each followed by a pause: the third matches the second.
        long[] at = new long[92];
        int i = 0;
        for (int[] burst : new int[][] {{0, 30}, {1_000, 31}, {2_000, 31}}) {
            for (int k = 0; k < burst[1]; k++) {
                at[i++] = (burst[0] + k) * MS;
            }
        }
        WindowedBroker broker = new WindowedBroker(at, 10_000);
        Gather gather = new Gather(broker::now);
        List<Commit> commits = run(broker, gather);
        assertEquals(List.of(30, 31, 31), commits.stream().map(Commit::size).toList());
        assertEquals(15, gather.limit(), "30 then 31 taught nothing; 31 twice: half of it");
    }
}
