-- The mothership's schema, version 1. Portable SQL: SQLite and PostgreSQL read the same file;
-- {{id}} becomes each database's auto-increment key, {{real}} its floating-point type.
-- Times are epoch milliseconds (BIGINT): the same on both, and cheap to compare.

CREATE TABLE pots (
    id TEXT PRIMARY KEY,
    name TEXT,
    room TEXT,
    preset TEXT,
    dry_below {{real}},
    wet_above {{real}},
    hysteresis {{real}},
    auto_water INTEGER NOT NULL DEFAULT 0,
    water_ml INTEGER,
    daily_max_ml INTEGER,
    cooldown_minutes INTEGER,
    status TEXT,
    status_at BIGINT,
    first_seen BIGINT NOT NULL
);

-- One row per reading, exactly once: a redelivered reading hits the primary key and is ignored.
CREATE TABLE readings (
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
    PRIMARY KEY (pot_id, boot, seq)
);
CREATE INDEX readings_pot_ts ON readings (pot_id, ts);

-- Rollups: sum and count (not avg) so a batch adds to a bucket without reading it first. readings counts
-- every reading (faults too), n only those with a moisture; min/max are null while n is 0.
CREATE TABLE rollup_5m (
    pot_id TEXT NOT NULL,
    bucket BIGINT NOT NULL,
    readings BIGINT NOT NULL,
    dropped BIGINT NOT NULL,
    n BIGINT NOT NULL,
    total {{real}} NOT NULL,
    min_m {{real}},
    max_m {{real}},
    PRIMARY KEY (pot_id, bucket)
);
CREATE TABLE rollup_1h (
    pot_id TEXT NOT NULL,
    bucket BIGINT NOT NULL,
    readings BIGINT NOT NULL,
    dropped BIGINT NOT NULL,
    n BIGINT NOT NULL,
    total {{real}} NOT NULL,
    min_m {{real}},
    max_m {{real}},
    PRIMARY KEY (pot_id, bucket)
);

CREATE TABLE messages (
    id {{id}},
    topic TEXT NOT NULL,
    text TEXT NOT NULL,
    junk INTEGER NOT NULL,
    problem TEXT,
    received_at BIGINT NOT NULL
);
CREATE INDEX messages_received ON messages (received_at);

CREATE TABLE commands (
    id {{id}},
    pot_id TEXT NOT NULL,
    command TEXT NOT NULL,
    sent_by TEXT,
    sent_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    reply TEXT,
    error TEXT,
    replied_at BIGINT
);
CREATE INDEX commands_pot ON commands (pot_id, sent_at);

CREATE TABLE waterings (
    id {{id}},
    pot_id TEXT NOT NULL,
    ml INTEGER NOT NULL,
    trigger_kind TEXT NOT NULL,
    done_by TEXT,
    at BIGINT NOT NULL,
    outcome TEXT NOT NULL,
    reason TEXT,
    moisture_before {{real}},
    moisture_after {{real}}
);
CREATE INDEX waterings_pot ON waterings (pot_id, at);

CREATE TABLE alerts (
    id {{id}},
    pot_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    message TEXT NOT NULL,
    raised_at BIGINT NOT NULL,
    closed_at BIGINT,
    acknowledged_at BIGINT,
    acknowledged_by TEXT
);
CREATE INDEX alerts_open ON alerts (closed_at, raised_at);

CREATE TABLE app_settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
