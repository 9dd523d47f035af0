-- Daily rollups: one row per URL and UTC day, kept long after the day's raw checks are dropped
-- (checks_retention, 7 days), so 90-day uptime bars and long stats windows read at most a few
-- hundred small rows instead of millions of checks. The local worker (re)computes closed days
-- from the raw checks in its maintenance pass, before partitions are dropped.
--
-- No foreign key to urls: every key check would take a KEY SHARE lock on the URL's row, and the
-- scheduler claims urls with FOR UPDATE SKIP LOCKED, so a rollup pass would make it skip URLs.
-- Rows of deleted URLs are purged by the same pass.
CREATE TABLE daily_rollups (
    url_id         BIGINT           NOT NULL,
    day            DATE             NOT NULL,
    checks         INTEGER          NOT NULL CHECK (checks > 0),
    failures       INTEGER          NOT NULL CHECK (failures BETWEEN 0 AND checks),
    -- Checks that got an HTTP response: the latency percentiles are over these only.
    responses      INTEGER          NOT NULL CHECK (responses BETWEEN 0 AND checks),
    uptime_percent DOUBLE PRECISION GENERATED ALWAYS AS
                       (round(100.0 * (checks - failures) / checks, 3)::DOUBLE PRECISION) STORED,
    latency_p50_ms DOUBLE PRECISION,
    latency_p95_ms DOUBLE PRECISION,
    computed_at    TIMESTAMPTZ      NOT NULL DEFAULT now(),
    PRIMARY KEY (url_id, day)
);

CREATE INDEX daily_rollups_day_idx ON daily_rollups (day);

-- The last UTC day whose rollups are complete. Readers take days after it from the raw checks
-- (today always, yesterday until the first pass after midnight), so no day is ever missing.
CREATE TABLE daily_rollup_progress (
    singleton      BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    closed_through DATE    NOT NULL
);

-- The day figures of checks in [since, until), per URL and UTC day. The one definition of a day's
-- figures: the worker stores it for closed days, the API reads it live for the days not yet
-- rolled up. A plain SQL function, so PostgreSQL inlines it into the calling query: partitions
-- are pruned, and a caller's condition on url_id (a grouping column) is pushed below the GROUP BY
-- onto the (url_id, slot) index, as if the query were written there.
CREATE FUNCTION upwatch_check_days(since TIMESTAMPTZ, until TIMESTAMPTZ)
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
SELECT c.url_id,
       (c.slot AT TIME ZONE 'UTC')::DATE,
       count(*)::INTEGER,
       (count(*) FILTER (WHERE NOT c.success))::INTEGER,
       (count(*) FILTER (WHERE c.status_code IS NOT NULL))::INTEGER,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY c.latency_ms) FILTER (WHERE c.status_code IS NOT NULL),
       percentile_cont(0.95) WITHIN GROUP (ORDER BY c.latency_ms) FILTER (WHERE c.status_code IS NOT NULL)
FROM checks c
WHERE c.slot >= since
  AND c.slot < until
GROUP BY 1, 2
$$;
