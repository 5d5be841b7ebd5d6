-- Version 6: what each connect of an always-on pot took, phase by phase on the pot's clock, as its retained connect
-- record said (the protocol's ConnectPhases). One row a connect: the pot's boot counter and the connect's number in
-- that boot. A phase the pot did not report is null; reason is why the link before it went down.
CREATE TABLE connects (
    pot_id TEXT NOT NULL,
    boot BIGINT NOT NULL,
    connect BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    reset_reason TEXT,
    boot_ms BIGINT,
    wifi_ms BIGINT,
    address_ms BIGINT,
    mqtt_ms BIGINT,
    session_ms BIGINT,
    first_publish_ms BIGINT,
    up_ms BIGINT,
    reason TEXT,
    PRIMARY KEY (pot_id, boot, connect)
);
CREATE INDEX connects_pot_received ON connects (pot_id, received_at);
