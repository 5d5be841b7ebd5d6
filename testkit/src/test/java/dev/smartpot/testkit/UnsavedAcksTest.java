package dev.smartpot.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** Reads the tail of a Mosquitto 2.0 log as it stood at a SIGKILL (lines in the form of a real FleetIT failure). */
class UnsavedAcksTest {

    private static final String SAVING = "1796043309: Saving in-memory database to /tmp/m//mosquitto.db.";

    private static String log(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private static String connected(String id) {
        return "1796043307: New client connected from 127.0.0.1:45772 as " + id + " (p2, c1, k3).";
    }

    private static String publish(String id, String topic) {
        return "1796043309: Received PUBLISH from " + id + " (d0, q1, r0, m1, '" + topic + "', ... (101 bytes))";
    }

    private static String puback(String id) {
        return "1796043309: Sending PUBACK to " + id + " (m1, rc0)";
    }

    @Test
    void whatWasAckedAfterTheSaveBeforeTheLastIsAtRisk() {
        UnsavedAcks acks = UnsavedAcks.at(log(
                connected("02c5f82e9318"), connected("023fce369160"),
                publish("02c5f82e9318", "to_mothership"), puback("02c5f82e9318"),
                publish("02c5f82e9318", "to_mothership"), puback("02c5f82e9318"),
                SAVING,
                publish("02c5f82e9318", "to_mothership/02c5f82e9318/status"), puback("02c5f82e9318"),
                SAVING,
                publish("023fce369160", "to_mothership"), puback("023fce369160"),
                publish("02c5f82e9318", "to_mothership"), puback("02c5f82e9318"),
                SAVING), "to_mothership");

        assertEquals(3, acks.acked("02c5f82e9318"));
        assertEquals(1, acks.atRisk("02c5f82e9318"), "the status topic is not a reading");
        assertEquals(new TreeSet<>(List.of(2L)), acks.seqsAtRisk("02c5f82e9318"));
        assertEquals(new TreeSet<>(List.of(0L)), acks.seqsAtRisk("023fce369160"));
        assertEquals(2, acks.atRisk());
        assertTrue(acks.evidence("02c5f82e9318").get(1).contains("Sending PUBACK to 02c5f82e9318"));
    }

    @Test
    void aPublishNotYetAcknowledgedIsNotAtRiskItIsStillThePublishers() {
        UnsavedAcks acks = UnsavedAcks.at(log(connected("aa"), SAVING, SAVING, publish("aa", "to_mothership")),
                "to_mothership");
        assertEquals(0, acks.atRisk("aa"));
        assertTrue(acks.seqsAtRisk("aa").isEmpty());
    }

    @Test
    void aPotThatConnectedTwiceGetsNoAllowanceItsPublishesNoLongerMapToSeqs() {
        UnsavedAcks acks = UnsavedAcks.at(log(connected("aa"), connected("aa"), SAVING,
                publish("aa", "to_mothership"), puback("aa")), "to_mothership");
        assertEquals(1, acks.atRisk("aa"));
        assertTrue(acks.seqsAtRisk("aa").isEmpty());
    }

    @Test
    void withOnlyOneSaveNothingIsSurelySaved() {
        UnsavedAcks acks = UnsavedAcks.at(log(connected("aa"), publish("aa", "to_mothership"), puback("aa"), SAVING),
                "to_mothership");
        assertEquals(new TreeSet<>(List.of(0L)), acks.seqsAtRisk("aa"));
    }
}
