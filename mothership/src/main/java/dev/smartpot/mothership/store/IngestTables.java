package dev.smartpot.mothership.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.smartpot.mothership.api.MessageView;
import dev.smartpot.mothership.ingest.Inbound;
import dev.smartpot.protocol.WireTopics;

/** Writes one batch of received messages (readings, statuses, text and junk) in the caller's transaction. */
final class IngestTables {

    /** The default cap on pots registered by their first message (a flood of made-up ids must not fill memory). */
    static final int DEFAULT_MAX_POTS = 10_000;

    /** Pots known to have a row: those in the table at the first batch, then as they are written. */
    private final Set<String> knownPots = new HashSet<>();
    private boolean knownLoaded;
    private volatile int maxPots = DEFAULT_MAX_POTS;
    private long warnedMinute = -1;
    /** This batch's new pots, known once it commits. */
    private Set<String> knownPotsAfterCommit = Set.of();
    private final Inbox inbox = new Inbox();
    private final InboxWriter inboxWriter = new InboxWriter();
    /** The inbox is SQLite's (see {@link InboxWriter}); null until the first batch. */
    private Boolean sqlite;

    StoreWriter.Committed write(Connection c, List<StoreWriter.Received> received, ReadingWriter readingWriter,
                                BootTracker boots, long now) throws SQLException {
        if (sqlite == null) {
            sqlite = Dialect.of(c.getMetaData().getURL()) == Dialect.SQLITE;
        }
        List<ReadingWriter.Pending> pending = new ArrayList<>();
        List<Inbound.Status> statuses = new ArrayList<>();
        List<MessageView> messages = new ArrayList<>();
        List<Inbound.Reply> replies = new ArrayList<>();
        // Retained by the broker and sent again at each connect: kept in memory, not in the store.
        List<Inbound.About> abouts = new ArrayList<>();
        List<Inbound.Connect> connects = new ArrayList<>();
        long junkNotKept = 0;
        Set<String> newPots = new HashSet<>();
        loadKnownPots(c);
        inbox.begin(c, now);
        for (StoreWriter.Received r : received) {
            Inbound in = overCap(r.inbound(), newPots, r.receivedAt());
            if (in instanceof Inbound.Reading reading) {
                pending.add(new ReadingWriter.Pending(reading, r.receivedAt()));
                notePot(reading.potId(), newPots);
            } else if (in instanceof Inbound.Status status) {
                statuses.add(status);
                notePot(status.potId(), newPots);
            } else if (in instanceof Inbound.Reply reply) {
                replies.add(reply);
            } else if (in instanceof Inbound.Connect connect) {
                if (connect.phases() != null) {
                    connects.add(connect);
                    notePot(connect.potId(), newPots);
                }
            } else if (in instanceof Inbound.About about) {
                abouts.add(about);
            } else if (in instanceof Inbound.Message m) {
                if (keep(m, r.receivedAt())) {
                    messages.add(insertMessage(c, m, r.receivedAt()));
                } else {
                    junkNotKept++;
                }
            }
        }
        if (!newPots.isEmpty()) {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO pots (id, first_seen) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                for (String id : newPots) {
                    p.setString(1, id);
                    p.setLong(2, now);
                    p.addBatch();
                }
                p.executeBatch();
            }
        }
        List<StoredReading> stored = pending.isEmpty() ? List.of() : !sqlite ? readingWriter.write(c, pending, boots, null)
                : pending.size() < InboxMove.DIRECT_BATCH ? inboxWriter.write(c, pending, boots, inbox)
                : readingWriter.write(c, pending, boots, inbox);
        for (StoredReading s : stored) {
            if (s.conflict() != null) {
                // Kept where a person looks for what could not be stored, never dropped silently.
                messages.add(insertMessage(c, new Inbound.Message(WireTopics.readings(s.view().potId()),
                        "a reading of pot " + s.view().potId() + " not stored", true, s.conflict()),
                        s.view().receivedAt().toEpochMilli()));
            }
        }
        if (!statuses.isEmpty()) {
            writeStatuses(c, statuses, now, inbox);
            WakeLog.insert(c, statuses, now);
        }
        if (!connects.isEmpty()) {
            ConnectLog.insert(c, connects, now);
        }
        // Only after the commit are these pots sure to have rows; a rolled-back batch adds them again.
        knownPotsAfterCommit = newPots;
        return new StoreWriter.Committed(stored, statuses, messages, replies, junkNotKept, abouts);
    }

    /**
     * Stores each pot's status and when it arrived. The same text again with no reading received since it was
     * stored (the broker re-sending the retained status after a reconnect or restart) keeps its first time, as
     * {@code LivePot.status} does in memory: a restart reads an asleep status's {@code sleep_ms} from when the pot
     * said it, not from the last redelivery (which would push a dead pot's passed wake into the future). Written after
     * this batch's readings, so a reading that came with the status counts. The wakes the statuses carry go to
     * {@link WakeLog}.
     */
    private static void writeStatuses(Connection c, List<Inbound.Status> statuses, long now, Inbox inbox)
            throws SQLException {
        // The inbox's readings count too: its status_at check is in memory (the inbox has no per-pot index).
        try (PreparedStatement p = c.prepareStatement("UPDATE pots SET status = ?, status_at = CASE WHEN status = ?"
                + " AND status_at IS NOT NULL AND ? = 0 AND NOT EXISTS (SELECT 1 FROM readings r"
                + " WHERE r.pot_id = pots.id AND r.received_at > pots.status_at) THEN status_at ELSE ? END WHERE id = ?")) {
            for (Inbound.Status s : statuses) {
                p.setString(1, s.status());
                p.setString(2, s.status());
                p.setInt(3, newerInInbox(c, s.potId(), inbox) ? 1 : 0);
                p.setLong(4, now);
                p.setString(5, s.potId());
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    /** Whether a reading of the pot in the inbox arrived after its stored status_at. */
    private static boolean newerInInbox(Connection c, String potId, Inbox inbox) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT status_at FROM pots WHERE id = ?")) {
            q.setString(1, potId);
            try (ResultSet r = q.executeQuery()) {
                Long at = r.next() ? Rows.longOrNull(r, 1) : null;
                return at != null && inbox.receivedAfter(potId, at);
            }
        }
    }

    /** Whether the inbox should be moved into readings now. */
    boolean moveDue(long now) {
        return InboxMove.due(inbox, now);
    }

    /** A move committed: the inbox is empty. */
    void moved() {
        inbox.moved();
    }

    /** Called by the writer once the batch committed. */
    void committed() {
        inbox.committed();
        knownPots.addAll(knownPotsAfterCommit);
        knownPotsAfterCommit = Set.of();
    }

    /** A flood of junk is counted in full but only a sample is kept: at most this many a minute. */
    static final int JUNK_KEPT_PER_MINUTE = 100;
    private long junkMinute;
    private int junkKept;

    private boolean keep(Inbound.Message m, long receivedAt) {
        if (!m.junk()) {
            return true;
        }
        long minute = receivedAt / 60_000;
        if (minute != junkMinute) {
            junkMinute = minute;
            junkKept = 0;
        }
        return junkKept++ < JUNK_KEPT_PER_MINUTE;
    }

    void limitPots(int max) {
        maxPots = max;
    }

    private void loadKnownPots(Connection c) throws SQLException {
        if (knownLoaded) {
            return;
        }
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM pots"); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                knownPots.add(r.getString(1));
            }
        }
        knownLoaded = true;
    }

    /**
     * A reading or status from a pot not yet registered while {@link #maxPots} are: kept as junk with the reason
     * (counted, sampled like other junk), and said in the log at most once a minute.
     */
    private Inbound overCap(Inbound in, Set<String> newPots, long receivedAt) {
        String id = in instanceof Inbound.Reading reading ? reading.potId() : in instanceof Inbound.Status st ? st.potId() : null;
        if (id == null || knownPots.contains(id) || newPots.contains(id) || knownPots.size() + newPots.size() < maxPots) {
            return in;
        }
        String problem = "a new pot " + id + ", but " + maxPots + " pots are registered (--max-pots); its messages are"
                + " kept as junk. Fix: delete pots you no longer have (DELETE /api/pots/{id}) or raise --max-pots";
        if (receivedAt / 60_000 != warnedMinute) {
            warnedMinute = receivedAt / 60_000;
            System.out.println("mothership: " + problem);
        }
        String text = in instanceof Inbound.Reading reading ? "reading seq " + reading.seq() : "status " + ((Inbound.Status) in).status();
        return new Inbound.Message(WireTopics.readings(id), text, true, problem);
    }

    void forget(String potId) {
        knownPots.remove(potId);
        inbox.forget(potId);
    }

    private void notePot(String id, Set<String> newPots) {
        if (!knownPots.contains(id)) {
            newPots.add(id);
        }
    }

    private static MessageView insertMessage(Connection c, Inbound.Message m, long receivedAt) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO messages (topic, text, junk, problem, received_at) VALUES (?, ?, ?, ?, ?) RETURNING id")) {
            p.setString(1, m.topic());
            p.setString(2, m.text());
            p.setInt(3, m.junk() ? 1 : 0);
            p.setString(4, m.problem());
            p.setLong(5, receivedAt);
            try (ResultSet r = p.executeQuery()) {
                long id = r.next() ? r.getLong(1) : 0;
                return new MessageView(id, m.topic(), m.text(), m.junk(), m.problem(), Instant.ofEpochMilli(receivedAt));
            }
        }
    }
}
