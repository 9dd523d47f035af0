-- Heartbeat monitors (kind HEARTBEAT): the user's job pings an unguessable URL and silence is the
-- failure. interval_seconds is the period in which a ping is expected and grace_seconds how much
-- later it may come; ping_token is the secret part of the ping URL. For a heartbeat,
-- next_check_at is the deadline of its next expected ping: the local workers' missed-ping pass
-- claims heartbeats whose deadline passed (FOR UPDATE SKIP LOCKED) and the check scheduler never
-- hands them out as probe tasks. See docs/heartbeats.md.
ALTER TABLE urls
    ADD COLUMN grace_seconds INTEGER CONSTRAINT urls_grace_seconds_range CHECK (grace_seconds BETWEEN 0 AND 86400),
    ADD COLUMN ping_token    VARCHAR(32),
    ADD CONSTRAINT urls_ping_token_key UNIQUE (ping_token),
    ADD CONSTRAINT urls_heartbeat_settings
        CHECK ((kind = 'HEARTBEAT') = (ping_token IS NOT NULL AND grace_seconds IS NOT NULL));

-- A weekly backup job is a heartbeat too: its period may reach 30 days; probed kinds keep a day.
ALTER TABLE urls DROP CONSTRAINT urls_interval_seconds_check;
ALTER TABLE urls
    ADD CONSTRAINT urls_interval_seconds_check
        CHECK (interval_seconds >= 10
            AND (interval_seconds <= 86400 OR (kind = 'HEARTBEAT' AND interval_seconds <= 2592000)));

-- Each pass reads only its own kind's due rows: probed URLs for the scheduler, heartbeats for the
-- missed-ping pass (the predicates match their queries' WHERE clauses).
DROP INDEX urls_due_idx;
CREATE INDEX urls_due_idx ON urls (next_check_at) WHERE enabled AND kind <> 'HEARTBEAT';
CREATE INDEX urls_heartbeat_due_idx ON urls (next_check_at) WHERE enabled AND kind = 'HEARTBEAT';
