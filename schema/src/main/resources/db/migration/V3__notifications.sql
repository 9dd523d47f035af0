-- Notification channels and their delivery outbox.

CREATE TABLE notification_channels (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    BIGINT        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name       VARCHAR(64)   NOT NULL,
    kind       VARCHAR(16)   NOT NULL CHECK (kind IN ('WEBHOOK', 'SLACK', 'EMAIL')),
    -- The webhook URL, the Slack incoming-webhook URL (itself a credential) or the email address.
    target     VARCHAR(2048) NOT NULL,
    -- The webhook signing secret. Written by the API, read by the dispatcher, never shown.
    secret     VARCHAR(256),
    -- True: every URL of the owner. False: only the URLs in notification_channel_urls, so a
    -- channel whose linked URLs were all deleted goes quiet rather than hearing about everything.
    all_urls   BOOLEAN       NOT NULL DEFAULT TRUE,
    enabled    BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version    BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT notification_channels_user_name_key UNIQUE (user_id, name),
    CONSTRAINT notification_channels_webhook_secret CHECK (kind <> 'WEBHOOK' OR secret IS NOT NULL)
);

CREATE TABLE notification_channel_urls (
    channel_id BIGINT NOT NULL REFERENCES notification_channels (id) ON DELETE CASCADE,
    url_id     BIGINT NOT NULL REFERENCES urls (id) ON DELETE CASCADE,
    PRIMARY KEY (channel_id, url_id)
);

CREATE INDEX notification_channel_urls_url_idx ON notification_channel_urls (url_id);

-- The outbox. Rows for an alert event are inserted in the transaction that opens or resolves
-- the alert, so an event is never lost nor announced without having happened. Dispatchers claim
-- due rows with FOR UPDATE SKIP LOCKED and push next_attempt_at past a lease while they send.
-- The payload is a snapshot: renaming or deleting the URL later does not change what was said.
CREATE TABLE notification_deliveries (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel_id      BIGINT       NOT NULL REFERENCES notification_channels (id) ON DELETE CASCADE,
    -- Stable across retries and the same on every channel: receivers de-duplicate on it.
    event_id        VARCHAR(64)  NOT NULL,
    event           VARCHAR(16)  NOT NULL CHECK (event IN ('alert.opened', 'alert.resolved', 'test')),
    alert_id        BIGINT       REFERENCES alerts (id) ON DELETE SET NULL,
    payload         JSONB        NOT NULL,
    status          VARCHAR(16)  NOT NULL DEFAULT 'PENDING'
                        CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        INTEGER      NOT NULL DEFAULT 0,
    -- True from a claim until its outcome is recorded; a claim whose lease ran out is taken again.
    in_flight       BOOLEAN      NOT NULL DEFAULT FALSE,
    next_attempt_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_attempt_at TIMESTAMPTZ,
    delivered_at    TIMESTAMPTZ,
    last_status     INTEGER,
    last_error      VARCHAR(512),
    CONSTRAINT notification_deliveries_event_channel_key UNIQUE (event_id, channel_id)
);

CREATE INDEX notification_deliveries_due_idx
    ON notification_deliveries (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX notification_deliveries_channel_idx ON notification_deliveries (channel_id, id DESC);
-- Per alert and channel, events go out in order: a resolution waits for its opening.
CREATE INDEX notification_deliveries_pending_alert_idx
    ON notification_deliveries (alert_id, channel_id, id) WHERE status = 'PENDING';
CREATE INDEX notification_deliveries_finished_idx
    ON notification_deliveries (created_at) WHERE status <> 'PENDING';
