package dev.smartpot.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Domain assertions on what the mothership received, waiting (up to a limit) for it to arrive:
 * {@code assertThat(mothership).received(pot, seqs(0, 9))}.
 */
public final class MothershipAssert {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(20);

    private final MothershipStandIn mothership;
    private Duration atMost = DEFAULT_WAIT;

    private MothershipAssert(MothershipStandIn mothership) {
        this.mothership = mothership;
    }

    public static MothershipAssert assertThat(MothershipStandIn mothership) {
        return new MothershipAssert(mothership);
    }

    /** The seqs {@code from} to {@code to}, both included. */
    public static Seqs seqs(long from, long to) {
        return new Seqs(from, to);
    }

    /** An inclusive range of reading sequence numbers. */
    public record Seqs(long from, long to) {
        public List<Long> list() {
            List<Long> out = new ArrayList<>();
            for (long s = from; s <= to; s++) {
                out.add(s);
            }
            return out;
        }
    }

    /** How long the next assertions wait for the readings to arrive. */
    public MothershipAssert within(Duration wait) {
        this.atMost = wait;
        return this;
    }

    /** Every reading {@code seqs} of {@code pot} arrives (duplicates allowed, as QoS 1 allows). */
    public MothershipAssert received(PotId pot, Seqs seqs) {
        try {
            Awaitility.await(pot.clientId() + "'s readings #" + seqs.from() + " to #" + seqs.to()).atMost(atMost)
                    .until(() -> missing(pot, seqs).isEmpty());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the mothership is missing readings of " + pot.clientId() + ": " + missing(pot, seqs)
                    + "; it has " + mothership.seqsOf(pot), e);
        }
        return this;
    }

    /** Every reading of {@code pot} from #0 to its last (taken = how many it took) arrives, and nothing else of it. */
    public MothershipAssert receivedExactly(PotId pot, long taken) {
        received(pot, seqs(0, taken - 1));
        TreeSet<Long> got = mothership.seqsOf(pot);
        if (got.size() != taken) {
            throw new AssertionError(pot.clientId() + " took " + taken + " readings, the mothership has " + got);
        }
        return this;
    }

    /**
     * As {@link #receivedExactly}, except that readings in {@code mayBeLost} (what a SIGKILLed broker acknowledged but
     * may not have saved: {@link UnsavedAcks#seqsAtRisk}) may be missing; every other one arrives. The broker passes a
     * subscriber's queued messages in order, so once every other reading, later ones included, is here, a missing one
     * is lost, not late.
     *
     * @return the readings of {@code mayBeLost} that did not arrive
     */
    public TreeSet<Long> receivedExactlyExcept(PotId pot, long taken, Set<Long> mayBeLost) {
        Seqs all = seqs(0, taken - 1);
        try {
            Awaitility.await(pot.clientId() + "'s readings #0 to #" + (taken - 1) + " but " + mayBeLost).atMost(atMost)
                    .until(() -> mayBeLost.containsAll(missing(pot, all)));
        } catch (ConditionTimeoutException e) {
            List<Long> lost = missing(pot, all);
            lost.removeAll(mayBeLost);
            throw new AssertionError("the mothership is missing readings of " + pot.clientId() + ": " + lost
                    + ", which the broker did not lose in its kill (it may have lost only " + mayBeLost + "); it has "
                    + mothership.seqsOf(pot), e);
        }
        TreeSet<Long> got = mothership.seqsOf(pot);
        TreeSet<Long> lost = new TreeSet<>(missing(pot, all));
        if (got.size() + lost.size() != taken) {
            throw new AssertionError(pot.clientId() + " took " + taken + " readings, the mothership has " + got);
        }
        return lost;
    }

    /** The readings that arrived are #0, #1, ... with no gap, in order of first arrival, each once after dropping repeats. */
    public MothershipAssert receivedInOrderWithoutGaps() {
        List<Long> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(mothership.seqs()));
        List<Long> expected = seqs(0, distinct.isEmpty() ? -1 : java.util.Collections.max(distinct)).list();
        if (!expected.equals(distinct)) {
            throw new AssertionError("expected every seq from 0, once, in order; got " + distinct);
        }
        return this;
    }

    /** Nothing of {@code pot} arrived on the readings topic. */
    public MothershipAssert receivedNothingFrom(PotId pot) {
        if (!mothership.seqsOf(pot).isEmpty()) {
            throw new AssertionError("the mothership got readings of " + pot.clientId() + ": " + mothership.seqsOf(pot));
        }
        return this;
    }

    private List<Long> missing(PotId pot, Seqs seqs) {
        TreeSet<Long> got = mothership.seqsOf(pot);
        List<Long> missing = new ArrayList<>();
        for (long s : seqs.list()) {
            if (!got.contains(s)) {
                missing.add(s);
            }
        }
        return missing;
    }
}
