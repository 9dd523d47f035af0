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

-- How many of a URL's regions must fail a slot for it to count as down, and be in breach at once
-- for an alert: the URL's own quorum, else a majority of its regions (its own, else every region of
-- the deployment), never more than it has; a heartbeat's pings come from no region: one. The same
-- rule as DeploymentRegions.quorumOf in the roles, for statements that count slots.
CREATE FUNCTION upwatch_quorum(kind TEXT, regions TEXT[], quorum SMALLINT, deployment_regions TEXT[])
    RETURNS INTEGER
    LANGUAGE sql
    IMMUTABLE AS
$$
SELECT CASE
           WHEN kind = 'HEARTBEAT' THEN 1
           ELSE greatest(1, least(coalesce(quorum::INTEGER,
                                           cardinality(coalesce(regions, deployment_regions)) / 2 + 1),
                                  cardinality(coalesce(regions, deployment_regions))))
       END
$$;

-- A URL checked from several regions has a check per region and slot. Its day figures count slots:
-- a slot is down when at least the quorum of its regions failed it (with one region, every failed
-- check, as before), so uptime says what the alert rule says. Responses and their latency
-- percentiles are over every region's checks.
ALTER TABLE daily_rollups DROP CONSTRAINT daily_rollups_check1;
ALTER TABLE daily_rollups ADD CONSTRAINT daily_rollups_responses_check CHECK (responses >= 0);

DROP FUNCTION upwatch_check_days(TIMESTAMPTZ, TIMESTAMPTZ);

-- The day figures of checks in [since, until), per URL and UTC day: the one definition, stored by
-- the worker for closed days and read live by the API for the others. Each check is read once: the
-- window counts its slot's failures beside it. A plain SQL function, so PostgreSQL inlines it and a
-- caller's condition on url_id (a partition and grouping column) reaches the (url_id, slot) index.
CREATE FUNCTION upwatch_check_days(since TIMESTAMPTZ, until TIMESTAMPTZ, deployment_regions TEXT[])
    RETURNS TABLE (
        url_id         BIGINT,
        day            DATE,
        checks         INTEGER,
        failures       INTEGER,
        responses      INTEGER,
        latency_p50_ms DOUBLE PRECISION,
        latency_p95_ms DOUBLE PRECISION
    )
    LANGUAGE sql
    STABLE AS
$$
SELECT s.url_id,
       (s.slot AT TIME ZONE 'UTC')::DATE,
       count(DISTINCT s.slot)::INTEGER,
       (count(DISTINCT s.slot) FILTER (WHERE s.slot_failures >= s.quorum))::INTEGER,
       (count(*) FILTER (WHERE s.status_code IS NOT NULL))::INTEGER,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY s.latency_ms) FILTER (WHERE s.status_code IS NOT NULL),
       percentile_cont(0.95) WITHIN GROUP (ORDER BY s.latency_ms) FILTER (WHERE s.status_code IS NOT NULL)
FROM (SELECT c.url_id, c.slot, c.status_code, c.latency_ms,
             count(*) FILTER (WHERE NOT c.success) OVER (PARTITION BY c.url_id, c.slot) AS slot_failures,
             upwatch_quorum(u.kind, u.regions, u.quorum, deployment_regions) AS quorum
      FROM checks c
      JOIN urls u ON u.id = c.url_id
      WHERE c.slot >= since
        AND c.slot < until) s
GROUP BY 1, 2
$$;

-- The same per region, each check counted alone: the per-region figures of long stats windows.
CREATE TABLE daily_region_rollups (
    url_id         BIGINT           NOT NULL,
    day            DATE             NOT NULL,
    region         VARCHAR(32)      NOT NULL,
    checks         INTEGER          NOT NULL CHECK (checks > 0),
    failures       INTEGER          NOT NULL CHECK (failures BETWEEN 0 AND checks),
    responses      INTEGER          NOT NULL CHECK (responses BETWEEN 0 AND checks),
    latency_p50_ms DOUBLE PRECISION,
    latency_p95_ms DOUBLE PRECISION,
    computed_at    TIMESTAMPTZ      NOT NULL DEFAULT now(),
    PRIMARY KEY (url_id, day, region)
);

CREATE INDEX daily_region_rollups_day_idx ON daily_region_rollups (day);

CREATE FUNCTION upwatch_check_region_days(since TIMESTAMPTZ, until TIMESTAMPTZ)
    RETURNS TABLE (
        url_id         BIGINT,
        day            DATE,
        region         VARCHAR(32),
        checks         INTEGER,
        failures       INTEGER,
        responses      INTEGER,
        latency_p50_ms DOUBLE PRECISION,
        latency_p95_ms DOUBLE PRECISION
    )
    LANGUAGE sql
    STABLE AS
$$
SELECT c.url_id,
       (c.slot AT TIME ZONE 'UTC')::DATE,
       c.region,
       count(*)::INTEGER,
       (count(*) FILTER (WHERE NOT c.success))::INTEGER,
       (count(*) FILTER (WHERE c.status_code IS NOT NULL))::INTEGER,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY c.latency_ms) FILTER (WHERE c.status_code IS NOT NULL),
       percentile_cont(0.95) WITHIN GROUP (ORDER BY c.latency_ms) FILTER (WHERE c.status_code IS NOT NULL)
FROM checks c
WHERE c.slot >= since
  AND c.slot < until
GROUP BY 1, 2, 3
$$;
