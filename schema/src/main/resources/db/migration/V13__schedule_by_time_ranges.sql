-- Scheduling by ranges of time (issue #16). Until V12 the scheduler claimed due urls rows and moved
-- their next_check_at: a rewrite of an indexed column per check (no HOT update), the largest part
-- of PostgreSQL's cost per check. Now a probed URL's slots are arithmetic on two columns no
-- scheduler writes: the instants t (in epoch milliseconds) with t mod (interval_seconds * 1000) =
-- phase_ms. The local workers hand out ranges of time, one after the other, recorded in the one
-- row of schedule_cursor, and read which URLs have a slot in a range from urls_schedule_idx. So a
-- scheduling pass writes one row whatever the number of checks. See docs/architecture.md.
ALTER TABLE urls
    ADD COLUMN phase_ms  INTEGER NOT NULL DEFAULT 0,
    -- When a paused URL stopped being scheduled (null while enabled): on resume, the API knows
    -- which slots may have been handed out before the pause and which were skipped.
    ADD COLUMN paused_at TIMESTAMPTZ,
    ADD CONSTRAINT urls_phase_within_interval
        CHECK (phase_ms >= 0 AND phase_ms < interval_seconds * 1000::BIGINT);

-- Each probed URL keeps the grid its cursor was on; next_check_at stays the heartbeat's deadline
-- only (null for probed kinds, whose schedule it no longer is). A local worker of an earlier
-- version then finds nothing due: it cannot hand out a slot the new scheduler hands out too.
ALTER TABLE urls
    ALTER COLUMN next_check_at DROP NOT NULL,
    ALTER COLUMN next_check_at DROP DEFAULT;
UPDATE urls
SET phase_ms      = (floor(extract(epoch FROM next_check_at) * 1000)::BIGINT
                     % (interval_seconds * 1000::BIGINT))::INTEGER,
    paused_at     = CASE WHEN NOT enabled THEN now() END,
    next_check_at = NULL
WHERE kind <> 'HEARTBEAT';

DROP INDEX urls_due_idx;
CREATE INDEX urls_schedule_idx ON urls (interval_seconds, phase_ms) WHERE enabled AND kind <> 'HEARTBEAT';

-- Every slot before handed_out_until has been handed out, or skipped as more than one interval
-- old. A scheduling pass locks the row (FOR UPDATE SKIP LOCKED: another scheduler skips the pass),
-- hands out the slots of the next range and moves the row past it in the same transaction, which
-- commits only after the tasks are published: any number of local workers, no slot twice, and a
-- pass that dies rolls back so the next one hands its range out. Starts at the migration: slots
-- already missed then are not handed out (each URL is next checked at its next slot).
CREATE TABLE schedule_cursor (
    singleton        BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    handed_out_until TIMESTAMPTZ NOT NULL
);
INSERT INTO schedule_cursor (handed_out_until) VALUES (now());

-- checks.worker_id was written with every check (about 20 bytes, a fifth of the row) and read by
-- nothing: the API shows a check's region, not the worker. Dropping the column is a catalog change;
-- new rows no longer carry it.
ALTER TABLE checks DROP COLUMN worker_id;
