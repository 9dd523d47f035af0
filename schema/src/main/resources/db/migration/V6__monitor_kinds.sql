-- Monitors of several kinds share the urls table, its rule (threshold failures in the trailing
-- window) and the checks, alerts and notifications that hang off it. `url` holds the target in
-- the kind's own form: an http(s) URL, tcp://host:port, a DNS name, or nothing probed at all for
-- a heartbeat monitor, whose checks come from its pings.
ALTER TABLE urls
    ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'HTTP'
        CONSTRAINT urls_kind_known CHECK (kind IN ('HTTP', 'TCP', 'DNS', 'HEARTBEAT'));

-- What a failed check saw, e.g. which assertion did not hold; null for successes, so a plain
-- check's row does not grow.
ALTER TABLE checks
    ADD COLUMN message VARCHAR(256);
