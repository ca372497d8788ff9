-- Service clients of the default tenant that may act as administrators (issue 18), and which of their
-- access tokens were issued with scope=admin (by token hash, as in access_tokens).

CREATE TABLE admin_clients (
    client_id  VARCHAR(128) PRIMARY KEY,
    role       VARCHAR(16) NOT NULL,
    tenants    VARCHAR(8000) NOT NULL
);

CREATE TABLE admin_tokens (
    id_hash     VARCHAR(64) PRIMARY KEY,
    client_id   VARCHAR(128) NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE INDEX admin_tokens_expiry ON admin_tokens (expires_at);
