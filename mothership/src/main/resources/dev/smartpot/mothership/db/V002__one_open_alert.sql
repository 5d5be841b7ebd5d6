-- Version 2: at most one open alert per pot and kind, in the database itself, so two mothership
-- instances sharing one PostgreSQL raise a pot's alert once (the loser's INSERT ... ON CONFLICT DO NOTHING
-- adds nothing and it adopts the open alert instead).
CREATE UNIQUE INDEX alerts_one_open ON alerts (pot_id, kind) WHERE closed_at IS NULL;
