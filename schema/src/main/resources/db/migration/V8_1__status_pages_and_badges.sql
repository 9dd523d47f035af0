-- Public status pages and badge tokens. Version 8.1: V8 holds the daily rollups they read.

CREATE TABLE status_pages (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The public address /status/{slug}: unique across all users.
    slug       VARCHAR(64)  NOT NULL,
    title      VARCHAR(128) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version    BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT status_pages_slug_key UNIQUE (slug)
);

CREATE INDEX status_pages_user_idx ON status_pages (user_id);

-- The monitors a page shows, ordered by position. A deleted URL leaves its pages (a gap in the
-- positions is harmless: they only order).
CREATE TABLE status_page_monitors (
    page_id      BIGINT      NOT NULL REFERENCES status_pages (id) ON DELETE CASCADE,
    position     INTEGER     NOT NULL,
    url_id       BIGINT      NOT NULL REFERENCES urls (id) ON DELETE CASCADE,
    display_name VARCHAR(64) NOT NULL,
    -- The URL's target is public only when its owner chose so.
    show_target  BOOLEAN     NOT NULL DEFAULT FALSE,
    PRIMARY KEY (page_id, url_id)
);

CREATE INDEX status_page_monitors_url_idx ON status_page_monitors (url_id);

-- One badge token per URL. Only a SHA-256 digest is stored: the token is shown once, when it is
-- created or rotated, and a leaked table reveals no working badge address.
CREATE TABLE url_badges (
    url_id     BIGINT      PRIMARY KEY REFERENCES urls (id) ON DELETE CASCADE,
    token_hash BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT url_badges_token_hash_key UNIQUE (token_hash)
);
