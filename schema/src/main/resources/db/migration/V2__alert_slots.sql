-- The check slots that opened and resolved each alert. Alert decisions compare slots,
-- not arrival times, so duplicate and out-of-order results cannot reopen a resolved
-- alert or resolve one with a check older than its breach.
ALTER TABLE alerts
    ADD COLUMN trigger_slot  TIMESTAMPTZ,
    ADD COLUMN resolved_slot TIMESTAMPTZ;

UPDATE alerts SET trigger_slot = opened_at WHERE trigger_slot IS NULL;
UPDATE alerts SET resolved_slot = resolved_at WHERE resolved_at IS NOT NULL AND resolved_slot IS NULL;

ALTER TABLE alerts ALTER COLUMN trigger_slot SET NOT NULL;

CREATE INDEX alerts_url_resolved_slot_idx ON alerts (url_id, resolved_slot DESC) WHERE resolved_slot IS NOT NULL;
