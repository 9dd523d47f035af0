-- How a monitor is checked beyond the original GET (method, headers, body, redirects, accepted
-- statuses, assertions, DNS query), in the JSON form of io.upwatch.common.probe.ProbeSpec. Null
-- for the original check, so a plain monitor costs nothing extra to schedule or probe. Header
-- values in it are secrets: written by the API, read by the scheduler, never shown.
ALTER TABLE urls
    ADD COLUMN check_spec JSONB,
    -- An https monitor raises a CERTIFICATE_EXPIRY alert when its certificate expires within
    -- this many days of a check; 0 turns that off.
    ADD COLUMN certificate_expiry_days INTEGER NOT NULL DEFAULT 14
        CONSTRAINT urls_certificate_expiry_days_range CHECK (certificate_expiry_days BETWEEN 0 AND 365);

-- When the leaf certificate of an https check's final hop expires; null for plain http and for
-- checks that completed no handshake.
ALTER TABLE checks
    ADD COLUMN tls_expires_at TIMESTAMPTZ;

-- Alerts of several kinds: AVAILABILITY (the threshold-in-window rule, replayed over the checks)
-- and CERTIFICATE_EXPIRY (decided by the latest check that saw a certificate).
ALTER TABLE alerts
    ADD COLUMN kind VARCHAR(24) NOT NULL DEFAULT 'AVAILABILITY'
        CONSTRAINT alerts_kind_known CHECK (kind IN ('AVAILABILITY', 'CERTIFICATE_EXPIRY')),
    ADD COLUMN certificate_expires_at TIMESTAMPTZ;

-- One open alert per URL and kind: a certificate about to expire and an outage can be open at once.
DROP INDEX alerts_one_open_per_url;
CREATE UNIQUE INDEX alerts_one_open_per_url_kind ON alerts (url_id, kind) WHERE resolved_at IS NULL;
