-- Alert evaluation replays a URL's rule over its stored checks. Two local workers storing checks
-- of the same URL take turns on its row here, so the second replay sees the first one's checks and
-- alerts. Its own table rather than a lock on urls: the scheduler claims urls with SKIP LOCKED and
-- would pass over a URL while an evaluation holds it. Rows are created on first evaluation.
CREATE TABLE alert_locks (
    url_id BIGINT PRIMARY KEY REFERENCES urls (id) ON DELETE CASCADE
);

