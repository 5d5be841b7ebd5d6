package dev.smartpot.device.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.smartpot.device.board.MemorySettingsStore;
import dev.smartpot.device.board.RamRetainedMemory;
import dev.smartpot.device.fakes.TestPot;
import dev.smartpot.device.mqtt.MqttTransportException;

/**
 * The mothership's word on what it stored, from the pot's side, on a manual clock: what stays queued, what is sent
 * again, what leaves, and when the pot trusts the broker alone.
 */
class ConfirmationTest {

    private static final String ACK = "from_mothership/" + TestPot.ID + "/ack";

    private static String ack(long boot, long from, long to) {
        return "{\"runs\":[{\"boot\":" + boot + ",\"from\":" + from + ",\"to\":" + to + "}]}";
    }

    /** Readings published on a 5 s interval: #0 at 0 s, #1 at 5 s, ... */
    private static TestPot confirmedPot(String more) {
        TestPot pot = new TestPot("publish.interval = 5s\nack.wait = 1m\n" + more);
        pot.runFor(1);
        // The retained acknowledgement a mothership left: this pot is confirmed from now on.
        pot.mqtt.deliverRetained(ACK, ack(1, 0, 0));
        pot.runFor(1);
        return pot;
    }

    @Test
    void aBrokerAloneSeesWhatItAlwaysSawAndThePotNeverWaits() {
        TestPot pot = new TestPot("publish.interval = 5s\nack.wait = 1m\n");
        pot.runFor(30_000);
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), pot.publishedSeqs());
        assertEquals(0, pot.node.queuedReadings(), "gone at the broker's acknowledgement");
        pot.mqtt.breakLink("broker restarted");
        pot.runFor(10_000);
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L), pot.publishedSeqs(), "nothing sent twice");
        assertFalse(pot.log.has("ack.wait"), "no confirmation was ever expected: " + pot.log.lines);
    }

    @Test
    void onceConfirmedAReadingTheBrokerHasStaysQueuedUntilTheMothershipStoredIt() {
        TestPot pot = confirmedPot("");
        pot.runFor(10_000);
        assertEquals(List.of(0L, 1L, 2L), pot.publishedSeqs());
        assertEquals(2, pot.node.queuedReadings(), "#1 and #2 wait for the mothership");
        pot.mqtt.deliver(ACK, ack(1, 0, 1));
        pot.runFor(1);
        assertEquals(1, pot.node.queuedReadings(), "#1 confirmed, #2 still waits");
        pot.mqtt.deliver(ACK, ack(1, 0, 2));
        pot.runFor(1);
        assertEquals(0, pot.node.queuedReadings());
    }

    @Test
    void aNewSessionSendsWhatTheMothershipHasNotConfirmedAgainByteForByte() {
        TestPot pot = confirmedPot("");
        pot.runFor(10_000);
        List<String> first = new ArrayList<>(pot.readings());
        pot.mqtt.breakLink("broker killed");
        pot.runFor(3_000);
        List<String> all = pot.readings();
        assertEquals(5, all.size(), "#0, #1, #2, then #1 and #2 again: " + all);
        assertEquals(first.get(1), all.get(3), "the same bytes: the mothership stores it once");
        assertEquals(first.get(2), all.get(4));
    }

    @Test
    void aRunThatDoesNotReachTheOldestReadingReleasesNothing() {
        TestPot pot = confirmedPot("");
        pot.runFor(15_000);
        assertEquals(3, pot.node.queuedReadings(), "#1, #2, #3 wait");
        // The broker lost #1 (acknowledged, then killed before it saved): the mothership has #2 and #3 only.
        pot.mqtt.deliver(ACK, ack(1, 2, 3));
        pot.runFor(1);
        assertEquals(3, pot.node.queuedReadings(), "#1 is not stored: nothing after it goes either");
        // Another boot's run, or a run of readings never sent, releases nothing.
        pot.mqtt.deliver(ACK, "{\"runs\":[{\"boot\":2,\"from\":0,\"to\":99},{\"boot\":1,\"from\":2,\"to\":3}]}");
        pot.runFor(1);
        assertEquals(3, pot.node.queuedReadings());
        pot.mqtt.deliver(ACK, ack(1, 0, 3));
        pot.runFor(1);
        assertEquals(0, pot.node.queuedReadings());
    }

    @Test
    void aGapAtTheOldestReadingHasItSentAgainWithoutANewSession() {
        TestPot pot = confirmedPot("");
        pot.runFor(15_000);
        assertEquals(List.of(0L, 1L, 2L, 3L), pot.publishedSeqs());
        // The broker acknowledged #1 and #2 and lost them (no subscriber then); the mothership stored #3.
        pot.mqtt.deliver(ACK, "{\"runs\":[{\"boot\":1,\"from\":3,\"to\":3},{\"boot\":1,\"from\":0,\"to\":0}]}");
        pot.runFor(1);
        assertEquals(List.of(0L, 1L, 2L, 3L, 1L, 2L, 3L), pot.publishedSeqs(), "sent again from #1, same link");
        pot.mqtt.deliver(ACK, "{\"runs\":[{\"boot\":1,\"from\":3,\"to\":3},{\"boot\":1,\"from\":0,\"to\":0}]}");
        pot.runFor(1);
        assertEquals(7, pot.publishedSeqs().size(), "not again within 5 s");
        pot.mqtt.deliver(ACK, ack(1, 0, 3));
        pot.runFor(1);
        assertEquals(0, pot.node.queuedReadings());
        assertEquals(0, pot.mqtt.connects.size() - 1, "one session all along");
    }

    @Test
    void withNoConfirmationForAckWaitThePotTrustsTheBrokerAndSaysSoOnce() {
        TestPot pot = confirmedPot("");
        pot.runFor(64_000);
        assertEquals(12, pot.node.queuedReadings(), "#1 (at the broker since 5 s) to #12 wait for the mothership");
        pot.runFor(2_000);
        assertEquals(0, pot.node.queuedReadings(), "#1 waited a minute: the broker's word is trusted");
        assertEquals(1, pot.log.count("no confirmation from the mothership for 1m (ack.wait)"), pot.log.all());
        pot.runFor(120_000);
        assertEquals(0, pot.node.queuedReadings(), "readings now leave at the broker's acknowledgement");
        assertEquals(1, pot.log.count("(ack.wait)"), "said once");
        pot.mqtt.deliver(ACK, ack(1, 0, 37));
        pot.runFor(10_000);
        assertTrue(pot.log.has("the mothership confirms stored readings again"), pot.log.all());
        assertEquals(2, pot.node.queuedReadings(), "confirmed again: the next readings wait for its word");
    }

    @Test
    void aFullQueueLetsReadingsTheBrokerHasGoFirstAndCountsThemAsNoLoss() {
        TestPot pot = confirmedPot("queue.capacity = 4\nbackoff.min = 1s\nbackoff.max = 1s\n");
        pot.runFor(10_000);
        assertEquals(2, pot.node.queuedReadings(), "#1 and #2 at the broker");
        pot.mqtt.connectFailure = new MqttTransportException(MqttTransportException.UNREACHABLE, "broker down");
        pot.mqtt.breakLink("broker down");
        pot.runFor(16_000);
        assertEquals(4, pot.node.queuedReadings(), "full: #1, at the broker, made room for #5");
        assertEquals(0, pot.node.droppedReadings(), "the broker has it: nothing lost");
        pot.mqtt.connectFailure = null;
        pot.runFor(2_000);
        assertEquals(List.of(0L, 1L, 2L, 2L, 3L, 4L, 5L), pot.publishedSeqs(), "#2 again (a new session), then the rest");
        assertTrue(pot.field("dropped").stream().allMatch(d -> d == -1L), "no reading reports a drop");
    }

    @Test
    void anAcknowledgementIsNeverTakenForACommandAndTheTutorialsCommandsStillWork() {
        TestPot pot = confirmedPot("");
        int lines = pot.log.lines.size();
        pot.mqtt.deliver(ACK, ack(1, 0, 0));
        pot.mqtt.deliver("from_mothership/0123456789ab/ack", ack(1, 0, 0));
        pot.runFor(1);
        assertTrue(pot.replies().isEmpty(), "no reply to an acknowledgement");
        assertEquals(lines, pot.log.lines.size(), "not logged as a message: " + pot.log.lines.subList(lines, pot.log.lines.size()));
        assertTrue(pot.command("received").contains("\"ok\":true"));
        assertTrue(pot.command("wassap!").contains("\"ok\":false"));
        assertTrue(pot.log.has("(from_mothership, received)"), pot.log.lines.toString());
        assertTrue(pot.log.has("(from_mothership, wassap!)"));
    }

    @Test
    void aResetKeepsWhatWaitsAtTheBrokerSendsItNoMoreAndTheOldBootsRunLetsItGo() {
        RamRetainedMemory rtc = new RamRetainedMemory(6144);
        TestPot before = new TestPot("publish.interval = 5s\n", new MemorySettingsStore(), false, rtc);
        before.runFor(1);
        before.mqtt.deliverRetained(ACK, ack(1, 0, 0));
        before.runFor(10_000);
        assertEquals(2, before.node.queuedReadings(), "#1 and #2 at the broker when the board resets");

        TestPot after = new TestPot("publish.interval = 5s\n", new MemorySettingsStore(), false, rtc);
        after.runFor(1);
        assertEquals(List.of(3L), after.publishedSeqs(), "#1 and #2 are not sent again: their boot and uptime changed");
        assertEquals(List.of(2L), after.field("boot"));
        after.mqtt.deliver(ACK, "{\"runs\":[{\"boot\":2,\"from\":3,\"to\":3},{\"boot\":1,\"from\":0,\"to\":2}]}");
        after.runFor(1);
        assertEquals(0, after.node.queuedReadings(), "the old boot's run and the new one's: all stored");
    }

    @Test
    void aMalformedAcknowledgementReleasesNothingAndIsWarnedAboutOnce() {
        TestPot pot = confirmedPot("");
        pot.runFor(10_000);
        pot.mqtt.deliver(ACK, "{\"runs\":[{\"boot\":1,\"from\":0,\"to\":\"all\"}]}");
        pot.mqtt.deliver(ACK, "received");
        pot.runFor(1);
        assertEquals(2, pot.node.queuedReadings());
        assertEquals(1, pot.log.count("an acknowledgement that is not"));
    }

    @Test
    void theTutorialsTextReadingsAndQosZeroNeverWaitAndSubscribeToNothingMore() {
        for (String format : new String[] {"payload.format = text\n", "mqtt.qos = 0\n"}) {
            TestPot pot = new TestPot("publish.interval = 5s\n" + format);
            pot.runFor(1);
            pot.mqtt.deliver(ACK, ack(1, 0, 0));
            pot.runFor(10_000);
            assertEquals(0, pot.node.queuedReadings(), format);
            assertFalse(pot.mqtt.subscriptions.contains(ACK), format);
        }
    }

    @Test
    void theEncodingOfAResendAllocatesNothingBeyondTheFirstWalk() {
        ReadingQueue queue = new ReadingQueue(8);
        for (int i = 0; i < 5; i++) {
            queue.add(i, 1000 + 5000L * i, 2000 + i, 2900, 0, 1_700_000_000_000L + 5000L * i);
        }
        QueuedReading r = new QueuedReading(queue);
        assertTrue(r.load(3));
        assertEquals(16000, r.uptimeMillis);
        assertEquals(2003, r.rawCode);
        assertEquals(2900, r.batteryMv);
        assertEquals(1_700_000_015_000L, r.wallMillis);
        assertTrue(r.load(4));
        assertEquals(21000, r.uptimeMillis);
        queue.removeThrough(1);
        assertTrue(r.load(2), "walks from the oldest again");
        assertEquals(11000, r.uptimeMillis);
        assertFalse(r.load(1), "no longer queued");
        assertFalse(r.load(5), "not taken yet");
    }
}
