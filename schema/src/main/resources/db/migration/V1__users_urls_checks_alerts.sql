-- Upwatch schema, owned by Flyway. Every role that touches PostgreSQL runs the
-- migrations at start-up; Flyway's advisory lock makes concurrent starts safe.

CREATE TABLE users (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      VARCHAR(32)  NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT users_username_key UNIQUE (username)
);

CREATE TABLE urls (
    id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id                BIGINT        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name                   VARCHAR(64)   NOT NULL,
    url                    VARCHAR(2048) NOT NULL,
    threshold              INTEGER       NOT NULL CHECK (threshold >= 0),
    interval_seconds       INTEGER       NOT NULL DEFAULT 60 CHECK (interval_seconds BETWEEN 10 AND 86400),
    timeout_ms             INTEGER       NOT NULL DEFAULT 10000 CHECK (timeout_ms BETWEEN 100 AND 60000),
    failure_window_seconds INTEGER       NOT NULL DEFAULT 300 CHECK (failure_window_seconds BETWEEN 10 AND 86400),
    enabled                BOOLEAN       NOT NULL DEFAULT TRUE,
    -- The scheduler's cursor: the next slot to hand out. Claimed with
    -- SELECT ... FOR UPDATE SKIP LOCKED so several schedulers never share a slot.
    next_check_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_at             TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version                BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT urls_user_name_key UNIQUE (user_id, name)
);

CREATE INDEX urls_due_idx ON urls (next_check_at) WHERE enabled;

-- One row per check. 100,000 URLs at one check a minute is 144 million rows a
-- day, so the table is partitioned by day on the scheduled slot and old days
-- are dropped whole (see upwatch_maintain_check_partitions). The primary key
-- (url, slot) is the task id: a redelivered result is still one row.
CREATE TABLE checks (
    url_id       BIGINT      NOT NULL,
    slot         TIMESTAMPTZ NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL,
    latency_ms   INTEGER     NOT NULL,
    status_code  SMALLINT,
    failure_kind VARCHAR(24),
    success      BOOLEAN     NOT NULL,
    worker_id    VARCHAR(64),
    region       VARCHAR(32),
    PRIMARY KEY (url_id, slot)
) PARTITION BY RANGE (slot);

CREATE TABLE alerts (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url_id         BIGINT      NOT NULL REFERENCES urls (id) ON DELETE CASCADE,
    opened_at      TIMESTAMPTZ NOT NULL,
    resolved_at    TIMESTAMPTZ,
    failure_count  INTEGER     NOT NULL,
    threshold      INTEGER     NOT NULL,
    window_seconds INTEGER     NOT NULL,
    CONSTRAINT alerts_resolved_after_opened CHECK (resolved_at IS NULL OR resolved_at >= opened_at)
);

-- The database itself guarantees at most one open alert per URL, whatever the
-- number of local workers evaluating the window.
CREATE UNIQUE INDEX alerts_one_open_per_url ON alerts (url_id) WHERE resolved_at IS NULL;
CREATE INDEX alerts_url_opened_idx ON alerts (url_id, opened_at DESC);

-- Creates the daily partitions of checks from yesterday to days_ahead days ahead
-- and drops those that ended more than retention ago. Idempotent and safe to call
-- from several workers at once (it serialises on an advisory lock).
CREATE FUNCTION upwatch_maintain_check_partitions(retention INTERVAL, days_ahead INTEGER)
    RETURNS INTEGER
    LANGUAGE plpgsql
    SET client_min_messages = warning AS
$$
DECLARE
    today   DATE := (now() AT TIME ZONE 'UTC')::DATE;
    day     DATE;
    part    RECORD;
    dropped INTEGER := 0;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('upwatch_maintain_check_partitions'));
    FOR offset_days IN -1..days_ahead LOOP
        day := today + offset_days;
        EXECUTE format(
            'CREATE TABLE IF NOT EXISTS %I PARTITION OF checks FOR VALUES FROM (%L) TO (%L)',
            'checks_' || to_char(day, 'YYYYMMDD'),
            (day::TIMESTAMP AT TIME ZONE 'UTC'),
            ((day + 1)::TIMESTAMP AT TIME ZONE 'UTC'));
    END LOOP;
    FOR part IN
        SELECT child.relname
        FROM pg_inherits
                 JOIN pg_class child ON child.oid = pg_inherits.inhrelid
                 JOIN pg_class parent ON parent.oid = pg_inherits.inhparent
        WHERE parent.relname = 'checks'
          AND child.relname ~ '^checks_[0-9]{8}$'
    LOOP
        IF ((to_date(substr(part.relname, 8), 'YYYYMMDD') + 1)::TIMESTAMP AT TIME ZONE 'UTC')
               <= now() - retention THEN
            EXECUTE format('DROP TABLE %I', part.relname);
            dropped := dropped + 1;
        END IF;
    END LOOP;
    RETURN dropped;
END;
$$;

SELECT upwatch_maintain_check_partitions(INTERVAL '100 years', 2);
