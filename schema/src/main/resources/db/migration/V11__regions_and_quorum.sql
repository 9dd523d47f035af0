-- Regions and quorum (issue #15). A URL is checked from a set of regions on one slot grid; each
-- region's result for a slot is its own row, and an availability alert opens when at least
-- quorum of the URL's regions are in breach of the threshold-in-window rule at once.

-- The regions a URL is checked from; null means every region of the deployment (UPWATCH_REGIONS).
-- quorum: how many of them must be in breach for an alert; null means a majority of them.
ALTER TABLE urls
    ADD COLUMN regions TEXT[],
    ADD COLUMN quorum SMALLINT
        CONSTRAINT urls_quorum_positive CHECK (quorum IS NULL OR quorum >= 1),
    ADD CONSTRAINT urls_regions_not_empty
        CHECK (regions IS NULL OR cardinality(regions) BETWEEN 1 AND 16),
    ADD CONSTRAINT urls_quorum_within_regions
        CHECK (quorum IS NULL OR regions IS NULL OR quorum <= cardinality(regions));

-- One row per URL, slot and region. Results that come from no region (a heartbeat's pings and
-- missed periods) are stored under the empty label.
UPDATE checks SET region = '' WHERE region IS NULL;
ALTER TABLE checks ALTER COLUMN region SET DEFAULT '';
ALTER TABLE checks ALTER COLUMN region SET NOT NULL;
ALTER TABLE checks DROP CONSTRAINT checks_pkey;
ALTER TABLE checks ADD PRIMARY KEY (url_id, slot, region) INCLUDE (success, status_code, latency_ms);

-- The regions in breach when an availability alert opened (null for earlier alerts and for
-- alerts of other kinds), and the quorum it was judged by.
ALTER TABLE alerts
    ADD COLUMN regions TEXT[],
    ADD COLUMN quorum SMALLINT;
