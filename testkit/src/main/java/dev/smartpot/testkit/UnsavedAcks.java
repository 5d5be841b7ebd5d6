package dev.smartpot.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The QoS 1 publishes a SIGKILLed Mosquitto acknowledged but may not have saved, read from its log ({@code log_type
 * all}) as it stood at the kill.
 *
 * <p>Why a broker loses acknowledged messages: Mosquitto 2.0 handles every ready socket in one pass of its loop,
 * sending PUBACK as it takes each publish, and only then, at the end of the pass, saves its whole database
 * ({@code autosave_on_changes}; the log says "Saving in-memory database" as the save begins). A kill before or during
 * that save restarts the broker from the last save that finished. A message it had already passed to a connected
 * subscriber is safe there; one still queued for that subscriber (offline, or with its in-flight window full) is
 * gone, although the publisher holds a PUBACK for it. No Mosquitto setting saves before acknowledging.
 *
 * <p>The last save that surely finished is the one before the last "Saving" line (the broker saves on one thread, so
 * the last save began only after it ended): every publish acknowledged after that line is at risk, none before it.
 */
public final class UnsavedAcks {

    private static final Pattern CONNECTED = Pattern.compile("New client connected from \\S+ as (\\S+) \\(");
    private static final Pattern RECEIVED = Pattern.compile("Received PUBLISH from (\\S+) \\(d\\d, q1, r\\d, m\\d+, '([^']*)'");
    private static final Pattern PUBACK = Pattern.compile("Sending PUBACK to (\\S+) \\(m\\d+");
    private static final String SAVING = "Saving in-memory database";

    private final Map<String, Integer> connects = new HashMap<>();
    private final Map<String, Integer> acked = new HashMap<>();
    private final Map<String, Integer> ackedAfterLastSureSave = new HashMap<>();
    private final Map<String, List<String>> evidence = new HashMap<>();

    private UnsavedAcks() {
    }

    /**
     * Reads {@code logAtKill} (the broker's log read after the kill, before a restart appends to it) for publishes on
     * {@code topic}.
     */
    public static UnsavedAcks at(String logAtKill, String topic) {
        UnsavedAcks acks = new UnsavedAcks();
        String[] lines = logAtKill.split("\n");
        int windowStart = startOfRisk(lines);
        Map<String, String> awaitingAck = new HashMap<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher m = CONNECTED.matcher(line);
            if (m.find()) {
                acks.connects.merge(m.group(1), 1, Integer::sum);
                continue;
            }
            m = RECEIVED.matcher(line);
            if (m.find()) {
                if (m.group(2).equals(topic)) {
                    awaitingAck.put(m.group(1), line);
                }
                continue;
            }
            m = PUBACK.matcher(line);
            if (m.find()) {
                String received = awaitingAck.remove(m.group(1));
                if (received == null) {
                    continue;
                }
                acks.acked.merge(m.group(1), 1, Integer::sum);
                if (i > windowStart) {
                    acks.ackedAfterLastSureSave.merge(m.group(1), 1, Integer::sum);
                    List<String> proof = acks.evidence.computeIfAbsent(m.group(1), id -> new ArrayList<>());
                    proof.add(received);
                    proof.add(line);
                }
            }
        }
        return acks;
    }

    /** The line of the last save that surely finished before the kill, or -1 when none did. */
    private static int startOfRisk(String[] lines) {
        int last = -1;
        int beforeLast = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(SAVING)) {
                beforeLast = last;
                last = i;
            }
        }
        return beforeLast;
    }

    /** Publishes on the topic that the broker acknowledged to {@code clientId} before the kill. */
    public int acked(String clientId) {
        return acked.getOrDefault(clientId, 0);
    }

    /** Of those, the ones acknowledged after the last save that surely finished. */
    public int atRisk(String clientId) {
        return ackedAfterLastSureSave.getOrDefault(clientId, 0);
    }

    /** Every publish at risk, of every client. */
    public int atRisk() {
        int n = 0;
        for (int k : ackedAfterLastSureSave.values()) {
            n += k;
        }
        return n;
    }

    /**
     * The reading seqs of a pot that the broker may have lost: its last {@link #atRisk(String)} acknowledged readings.
     * That needs the pot's publishes to be its readings #0, #1, ... once each, which holds on its first connection
     * (it publishes oldest first and a reading again only on a later connection): a pot that connected more than once
     * before the kill gets no allowance.
     */
    public TreeSet<Long> seqsAtRisk(String clientId) {
        TreeSet<Long> seqs = new TreeSet<>();
        if (connects.getOrDefault(clientId, 0) != 1) {
            return seqs;
        }
        int n = acked(clientId);
        for (long s = n - atRisk(clientId); s < n; s++) {
            seqs.add(s);
        }
        return seqs;
    }

    /** The log lines that put {@code clientId}'s publishes at risk: each PUBLISH with its PUBACK. */
    public List<String> evidence(String clientId) {
        return Collections.unmodifiableList(evidence.getOrDefault(clientId, List.of()));
    }
}
