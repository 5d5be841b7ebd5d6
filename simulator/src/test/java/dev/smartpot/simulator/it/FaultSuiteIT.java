package dev.smartpot.simulator.it;

import static dev.smartpot.simulator.kit.GivenPot.givenPot;
import static dev.smartpot.testkit.MothershipAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.smartpot.device.PotNode;
import dev.smartpot.simulator.kit.GivenPot;
import dev.smartpot.simulator.kit.RunningPot;
import dev.smartpot.testkit.Loopback;
import dev.smartpot.testkit.Mosquitto;
import dev.smartpot.testkit.MothershipStandIn;
import dev.smartpot.testkit.TcpProxy;

/**
 * Never lose a reading: the pot against a real Mosquitto while the link breaks in every way we know.
 * Each case checks what an independent subscriber received: every seq from first to last, in order, no
 * duplicates once repeated seqs are dropped, one reconnect per outage, and the device still running.
 * How long recovery takes is measured by {@code scripts/bench} (recovery section), not here.
 */
class FaultSuiteIT {

    private static final String READINGS = MothershipStandIn.READINGS;
    private static final Pattern DROPPED = Pattern.compile("\"dropped\":(\\d+)");

    private Mosquitto broker;
    private MothershipStandIn mothership;
    private final List<AutoCloseable> closeLast = new ArrayList<>();

    @BeforeEach
    void startBrokerAndMothership() {
        broker = Mosquitto.start();
        mothership = MothershipStandIn.on(broker.uri());
    }

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable c : closeLast) {
            c.close();
        }
        mothership.close();
        broker.close();
    }

    private RunningPot pot(GivenPot given, String brokerUri) {
        RunningPot pot = given.on(brokerUri);
        closeLast.add(0, pot);
        return pot;
    }

    private TcpProxy proxy() {
        TcpProxy proxy = new TcpProxy(broker.port());
        closeLast.add(proxy);
        return proxy;
    }

    // ---- the cases ------------------------------------------------------------------------------

    @Test
    void brokerKilledWithSigkillAndRestartedSeveralTimes() {
        RunningPot pot = pot(givenPot(), broker.uri());
        awaitReadings(3);
        for (int i = 0; i < 3; i++) {
            outage(pot, broker::kill, broker::restart);
        }
        assertEverySeqOnceInOrder(pot, 3);
    }

    @Test
    void linkCutAndRestoredByAProxy() {
        TcpProxy proxy = proxy();
        RunningPot pot = pot(givenPot(), proxy.uri());
        awaitReadings(3);
        for (int i = 0; i < 2; i++) {
            outage(pot, proxy::cut, proxy::restore);
        }
        assertEverySeqOnceInOrder(pot, 2);
    }

    @Test
    void wifiOffForSeveralIntervalsThenOn() {
        RunningPot pot = pot(givenPot(), broker.uri());
        awaitReadings(3);
        String statusTopic = "to_mothership/" + pot.clientId() + "/status";
        try (MothershipStandIn status = MothershipStandIn.on(broker.uri(), statusTopic)) {
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> status.payloads(statusTopic).equals(List.of("online")));
            outage(pot, () -> pot.wlan().setAccessPointOn(false), () -> {
                Awaitility.await("the broker publishes the last will").atMost(Duration.ofSeconds(10))
                        .until(() -> status.payloads(statusTopic).equals(List.of("online", "offline")));
                pot.wlan().setAccessPointOn(true);
            });
            Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> status.payloads(statusTopic).equals(List.of("online", "offline", "online")));
        }
        assertEverySeqOnceInOrder(pot, 1);
    }

    @Test
    void brokerFrozenWithSigstopThenResumed() {
        RunningPot pot = pot(givenPot(), broker.uri());
        awaitReadings(3);
        outage(pot, broker::freeze, broker::thaw);
        assertEverySeqOnceInOrder(pot, 1);
    }

    @Test
    void brokerFrozenWithSigstopThenKilled() {
        RunningPot pot = pot(givenPot(), broker.uri());
        awaitReadings(3);
        outage(pot, broker::freeze, () -> {
            broker.kill();
            broker.restart();
        });
        assertEverySeqOnceInOrder(pot, 1);
    }

    @Test
    void aHalfOpenLinkIsNoticedFromKeepaliveEvenAtQos0AndOnlyWhatWentIntoTheSilenceIsLost() {
        TcpProxy proxy = proxy();
        RunningPot pot = pot(givenPot().with("mqtt.qos", "0").with("mqtt.keepalive", "2s"), proxy.uri());
        awaitReadings(3);
        PotNode node = pot.node();
        int before = node.reconnects();
        long lastBeforeSilence = max(mothership.seqs(READINGS));
        proxy.blackhole();
        // Paho pings after a keepalive without traffic from the broker, and gives up a keepalive later.
        Awaitility.await("half-open link noticed").atMost(Duration.ofSeconds(8)).until(() -> node.reconnects() > before);
        long takenWhenNoticed = node.readingsTaken();
        long seqBefore = max(mothership.seqs(READINGS));
        proxy.restore();
        Awaitility.await("readings flow again").atMost(Duration.ofSeconds(15))
                .until(() -> max(mothership.seqs(READINGS)) > seqBefore + 2);
        assertTrue(pot.isRunning());
        long last = node.publishedReadings() - 1;
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> mothership.seqs(READINGS).contains(last));
        // QoS 0 is fire and forget: what went into the silent link before it was noticed may be gone, nothing else.
        List<Long> seqs = distinct(mothership.seqs(READINGS));
        for (long s = 0; s <= last; s++) {
            if (!seqs.contains(s)) {
                assertTrue(s > lastBeforeSilence && s < takenWhenNoticed, "#" + s + " was lost outside the silent link (after #"
                        + lastBeforeSilence + ", before #" + takenWhenNoticed + "): " + seqs);
            }
        }
    }

    @Test
    void theFirstBrokerInTheListIsDeadFromTheStart() {
        int dead = Loopback.freePort();
        RunningPot pot = pot(givenPot(), "tcp://127.0.0.1:" + dead + ", " + broker.uri());
        awaitReadings(5);
        assertEverySeqOnceInOrder(pot, 0);
    }

    @Test
    void anOutageLongerThanTheQueueDropsExactlyTheOldestAndSaysHowMany() {
        RunningPot pot = pot(givenPot().with("queue.capacity", "5"), broker.uri());
        awaitReadings(3);
        broker.kill();
        Awaitility.await("queue overflows").atMost(Duration.ofSeconds(15)).until(() -> pot.node().droppedReadings() >= 4);
        broker.restart();
        awaitEverythingDelivered(pot);
        long dropped = pot.node().droppedReadings();
        List<Long> seqs = distinct(mothership.seqs(READINGS));
        List<Long> missing = new ArrayList<>();
        for (long s = seqs.get(0); s <= max(seqs); s++) {
            if (!seqs.contains(s)) {
                missing.add(s);
            }
        }
        assertTrue(dropped >= 4);
        assertEquals(dropped, missing.size(), "exactly the dropped readings are missing: " + missing);
        for (int i = 1; i < missing.size(); i++) {
            assertEquals(missing.get(i - 1) + 1, missing.get(i), "the dropped readings are one run, the oldest: " + missing);
        }
        // Each reading reports the drops since the one before it (frozen when it was taken; a dropped reading hands its
        // own count on), so what the readings that arrived report adds up to every reading dropped.
        String firstAfterGap = mothership.payloads(READINGS).stream()
                .filter(p -> p.contains("\"seq\":" + (missing.get(missing.size() - 1) + 1) + ",")).findFirst().orElseThrow();
        assertTrue(firstAfterGap.contains("\"dropped\":"), "the first reading after the gap says readings were dropped: " + firstAfterGap);
        long reported = 0;
        for (String payload : new LinkedHashSet<>(mothership.payloads(READINGS))) {
            Matcher m = DROPPED.matcher(payload);
            reported += m.find() ? Long.parseLong(m.group(1)) : 0;
        }
        assertEquals(dropped, reported, "the readings report every drop once: " + mothership.payloads(READINGS));
        assertTrue(pot.isRunning());
    }

    @Test
    void aPotThatCannotReachAnyBrokerRebootsItselfInPlace() {
        int dead = Loopback.freePort();
        RunningPot pot = pot(givenPot().with("reboot.after", "10s"), "tcp://127.0.0.1:" + dead);
        Awaitility.await("second boot").atMost(Duration.ofSeconds(30)).until(() -> pot.boots() == 2);
        assertTrue(pot.isRunning());
    }

    // ---- shared steps and checks ----------------------------------------------------------------

    private void awaitReadings(int n) {
        mothership.awaitReadings(n, Duration.ofSeconds(15));
    }

    /** Breaks the link, waits until readings pile up, mends it and waits until the queue has drained. */
    private void outage(RunningPot pot, Runnable breakIt, Runnable mend) {
        PotNode node = pot.node();
        int reconnectsBefore = node.reconnects();
        breakIt.run();
        Awaitility.await("pot notices the outage").atMost(Duration.ofSeconds(15))
                .until(() -> node.reconnects() > reconnectsBefore);
        Awaitility.await("readings queue up").atMost(Duration.ofSeconds(10)).until(() -> node.queuedReadings() >= 3);
        long seenBefore = max(mothership.seqs(READINGS));
        mend.run();
        Awaitility.await("first queued reading delivered").atMost(Duration.ofSeconds(20))
                .until(() -> mothership.arrivalOfFirstSeqAbove(READINGS, seenBefore) > 0);
        Awaitility.await("queue drained").atMost(Duration.ofSeconds(20))
                .until(() -> node.state() == PotNode.ONLINE && node.queuedReadings() == 0);
    }

    private void awaitEverythingDelivered(RunningPot pot) {
        Awaitility.await("queue drained").atMost(Duration.ofSeconds(20))
                .until(() -> pot.node().state() == PotNode.ONLINE && pot.node().queuedReadings() == 0);
        long last = pot.node().publishedReadings() + pot.node().droppedReadings() - 1;
        try {
            Awaitility.await("mothership has #" + last).atMost(Duration.ofSeconds(20))
                    .until(() -> mothership.seqs(READINGS).contains(last));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("received " + mothership.seqs(READINGS) + "\n" + pot.console(), e);
        }
    }

    /** Every seq from 0 to the last, once after dropping repeats, in order; one reconnect per outage. */
    private void assertEverySeqOnceInOrder(RunningPot pot, int outages) {
        awaitEverythingDelivered(pot);
        assertThat(mothership).received(pot, dev.smartpot.testkit.MothershipAssert.seqs(0, pot.node().publishedReadings() - 1))
                .receivedInOrderWithoutGaps();
        assertTrue(pot.isRunning(), "the device is still running");
        assertEquals(outages, pot.node().reconnects(), "one reconnect per outage");
    }

    /** Repeated seqs dropped, as a receiver does; the order of first arrival is kept. */
    private static List<Long> distinct(List<Long> seqs) {
        return new ArrayList<>(new LinkedHashSet<>(seqs));
    }

    private static long max(List<Long> seqs) {
        long m = -1;
        for (long s : seqs) {
            m = Math.max(m, s);
        }
        return m;
    }
}
