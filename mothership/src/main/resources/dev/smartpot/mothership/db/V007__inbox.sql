-- Version 7: readings land in the inbox first, in arrival order and with no per-pot index, so a commit of a few
-- readings of different pots dirties a page or two instead of a leaf per pot in each index of readings (issue 20,
-- SD card wear). InboxMove moves them into readings in (pot_id, boot, seq) order every few minutes, at a clean
-- stop and at start, in one transaction with their rollups, so each pot's index leaves are written once per move.
CREATE TABLE inbox (
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

-- Every stored reading, moved or not, for whoever reads the database from outside (tools, tests, a person's SQL).
CREATE VIEW all_readings AS
    SELECT pot_id, boot, seq, raw, moisture, fault, uptime_ms, dropped, ts, received_at, battery_mv FROM readings
    UNION ALL
    SELECT pot_id, boot, seq, raw, moisture, fault, uptime_ms, dropped, ts, received_at, battery_mv FROM inbox;
