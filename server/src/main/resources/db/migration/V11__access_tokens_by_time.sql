-- Access tokens keyed by creation time first. The id hash is random, so as the key it put every new
-- token on a different index page, and a commit of a burst of grants rewrote one page per token; keyed
-- by time, a burst appends to the same page. Deletes name both columns (the token knows its own time).
CREATE TABLE access_tokens_by_time (
    created_at  BIGINT NOT NULL,
    id_hash     VARCHAR(64) NOT NULL,
    tenant      VARCHAR(64) NOT NULL,
    client_id   VARCHAR(128) NOT NULL,
    expires_at  BIGINT NOT NULL,
    PRIMARY KEY (created_at, id_hash)
);
INSERT INTO access_tokens_by_time (created_at, id_hash, tenant, client_id, expires_at)
    SELECT created_at, id_hash, tenant, client_id, expires_at FROM access_tokens;
DROP TABLE access_tokens;
ALTER TABLE access_tokens_by_time RENAME TO access_tokens;
