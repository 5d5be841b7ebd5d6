-- Version 8: the inbox becomes a ring of slots written over in place (issue 20, SD card wear). Deleting the moved
-- rows freed the inbox's pages, and every new leaf then cost a commit three pages more than its readings (its
-- parent, the file's first page, the free-list's page). Now a move only starts a new generation: a slot holds a
-- reading of the inbox while its gen is the newest in inbox_gen (none yet: 0), and after the move the writer
-- writes over the slots from the first again, so a commit dirties only the pages its readings are on.
CREATE TABLE inbox_slots (
    slot INTEGER PRIMARY KEY,
    gen INTEGER NOT NULL,
    pot_id TEXT NOT NULL,
    boot BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    raw INTEGER,
    moisture {{real}},
    fault TEXT,
    uptime_ms BIGINT,
    dropped BIGINT NOT NULL DEFAULT 0,
    ts BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    battery_mv INTEGER
);
-- At most one row: the generation whose slots hold the inbox (InboxMove writes the next and deletes the last).
CREATE TABLE inbox_gen (
    gen INTEGER PRIMARY KEY
);
-- What version 7's inbox held (a SIGKILL's leftovers) stays in the inbox, in generation 0.
INSERT INTO inbox_slots (slot, gen, pot_id, boot, seq, raw, moisture, fault, uptime_ms, dropped, ts, received_at, battery_mv)
    SELECT ROW_NUMBER() OVER (ORDER BY pot_id, boot, seq), 0, pot_id, boot, seq, raw, moisture, fault, uptime_ms,
        dropped, ts, received_at, battery_mv FROM inbox;
DROP VIEW all_readings;
DROP TABLE inbox;
-- Every reader reads the inbox by this name, as before.
CREATE VIEW inbox AS
    SELECT pot_id, boot, seq, raw, moisture, fault, uptime_ms, dropped, ts, received_at, battery_mv FROM inbox_slots
    WHERE gen = (SELECT coalesce(max(gen), 0) FROM inbox_gen);
CREATE VIEW all_readings AS
    SELECT pot_id, boot, seq, raw, moisture, fault, uptime_ms, dropped, ts, received_at, battery_mv FROM readings
    UNION ALL
    SELECT pot_id, boot, seq, raw, moisture, fault, uptime_ms, dropped, ts, received_at, battery_mv FROM inbox;
