-- The breaches of each region of a URL (issue #15): spans in which the threshold-in-window rule,
-- applied to one region's checks alone, is exceeded (from the failure that exceeded the threshold
-- to the region's next success). An availability alert is open while a quorum of the URL's regions
-- are in breach. The rule remembers its last resolution (failures up to it never count again), so a
-- region's breaches cannot be recomputed from a window of checks: they are kept here, corrected by
-- the same replay as the alerts, and read back by it.
--
-- No foreign key to urls, as daily_rollups: rows are written on the ingestion path, and a key check
-- would take a KEY SHARE lock on the URL that makes the scheduler's SKIP LOCKED claim pass over it.
-- Rows of deleted URLs are purged by the maintenance pass, with breaches that ended long ago.
CREATE TABLE region_breaches (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url_id        BIGINT      NOT NULL,
    region        VARCHAR(32) NOT NULL,
    trigger_slot  TIMESTAMPTZ NOT NULL,
    failure_count INTEGER     NOT NULL,
    resolved_slot TIMESTAMPTZ,
    CONSTRAINT region_breaches_ends_after_start
        CHECK (resolved_slot IS NULL OR resolved_slot > trigger_slot),
    -- Deferred: a batch of corrections may move one breach onto a slot another leaves.
    CONSTRAINT region_breaches_key UNIQUE (url_id, region, trigger_slot) DEFERRABLE INITIALLY DEFERRED
);

-- The two halves the replay reads: open breaches, and those that ended after a slot.
CREATE UNIQUE INDEX region_breaches_one_open ON region_breaches (url_id, region)
    WHERE resolved_slot IS NULL;
CREATE INDEX region_breaches_resolved_idx ON region_breaches (url_id, resolved_slot DESC)
    WHERE resolved_slot IS NOT NULL;

-- Until now every availability alert was the breach of the one region its checks came from. Open
-- alerts, and those resolved within the longest window (one day), still shape the rule: they become
-- the breaches of the regions whose failures are stored at their trigger slot, and name them.
WITH recent AS (
    SELECT a.id, a.url_id, a.trigger_slot, a.failure_count, a.resolved_slot,
           array(SELECT c.region FROM checks c
                 WHERE c.url_id = a.url_id AND c.slot = a.trigger_slot AND NOT c.success
                 ORDER BY c.region) AS regions
    FROM alerts a
    WHERE a.kind = 'AVAILABILITY'
      AND (a.resolved_slot IS NULL OR a.resolved_slot > now() - interval '2 days')
), named AS (
    UPDATE alerts a SET regions = r.regions, quorum = 1
    FROM recent r
    WHERE a.id = r.id AND cardinality(r.regions) > 0
    RETURNING a.id
)
INSERT INTO region_breaches (url_id, region, trigger_slot, failure_count, resolved_slot)
SELECT DISTINCT ON (r.url_id, region, r.trigger_slot)
       r.url_id, region, r.trigger_slot, r.failure_count, r.resolved_slot
FROM recent r CROSS JOIN LATERAL unnest(r.regions) AS region;

-- How many times results that arrived late showed a resolved availability alert still open (a
-- region's failure at the slot another region recovered in, learned after the recovery): each time
-- the alert is announced open again, and its events are numbered so each is announced once.
ALTER TABLE alerts ADD COLUMN reopened INTEGER NOT NULL DEFAULT 0;
