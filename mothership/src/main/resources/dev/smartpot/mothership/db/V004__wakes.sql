-- Version 4: what each wake of a battery pot took, phase by phase on the pot's clock, as its asleep status said
-- (the protocol's WakePhases). One row a wake: the pot's boot counter and the seq of the wake's own reading.
-- A phase the pot did not report is null.
CREATE TABLE wakes (
    pot_id TEXT NOT NULL,
    boot BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    reset_reason TEXT,
    boot_ms BIGINT,
    boot_modelled INTEGER NOT NULL DEFAULT 0,
    read_ms BIGINT,
    wifi_ms BIGINT,
    address_ms BIGINT,
    mqtt_ms BIGINT,
    publish_ms BIGINT,
    readings BIGINT,
    listen_ms BIGINT,
    awake_ms BIGINT,
    round_trips BIGINT,
    PRIMARY KEY (pot_id, boot, seq)
);
CREATE INDEX wakes_pot_received ON wakes (pot_id, received_at);
