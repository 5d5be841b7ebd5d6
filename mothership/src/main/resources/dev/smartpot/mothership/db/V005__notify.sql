-- Version 4: notifications. notify_targets holds the targets added on the dashboard (their URLs may hold
-- secrets; the API only ever shows them masked). notify_outbox holds one row per alert and target, written in
-- the alert's own transaction, so an alert stored is an alert that will be sent; a sender claims due rows
-- with a lease (two motherships on one PostgreSQL never send one row twice) and marks them sent on a 2xx
-- or an SMTP 250. target_key is a hash of the target's URL: the outbox never holds a secret.
CREATE TABLE notify_targets (
    id {{id}},
    url TEXT NOT NULL,
    target_key TEXT NOT NULL UNIQUE,
    added_by TEXT,
    added_at BIGINT NOT NULL
);

CREATE TABLE notify_outbox (
    id {{id}},
    alert_id BIGINT NOT NULL,
    target_key TEXT NOT NULL,
    target_shown TEXT NOT NULL,
    status TEXT NOT NULL,
    held INTEGER NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_at BIGINT NOT NULL,
    lease_owner TEXT,
    lease_until BIGINT,
    last_error TEXT,
    sent_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX notify_outbox_due ON notify_outbox (status, next_at);
CREATE INDEX notify_outbox_alert ON notify_outbox (alert_id);
