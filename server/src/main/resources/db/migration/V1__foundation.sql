-- Frontdesk schema: one portable dialect for H2 and PostgreSQL.
-- Times are epoch milliseconds (BIGINT); lists, maps and settings are JSON text.
-- Secrets never appear: sessions, tokens and client secrets are stored as hashes.

CREATE TABLE tenants (
    id        VARCHAR(64) PRIMARY KEY,
    hosts     VARCHAR(8000) NOT NULL,
    settings  VARCHAR(1000000) NOT NULL
);

CREATE TABLE accounts (
    id                    VARCHAR(64) PRIMARY KEY,
    tenant                VARCHAR(64) NOT NULL,
    username              VARCHAR(256) NOT NULL,
    username_key          VARCHAR(256) NOT NULL,
    account_type          VARCHAR(16) NOT NULL,
    email                 VARCHAR(320),
    email_key             VARCHAR(320),
    first_name            VARCHAR(256),
    last_name             VARCHAR(256),
    idle_timeout_seconds  BIGINT,
    access_rights         VARCHAR(100000) NOT NULL,
    segments              VARCHAR(100000) NOT NULL,
    enabled               BOOLEAN NOT NULL,
    password_hash         VARCHAR(512),
    properties            VARCHAR(1000000) NOT NULL,
    created_at            BIGINT NOT NULL,
    CONSTRAINT accounts_username_unique UNIQUE (tenant, username_key)
);
CREATE INDEX accounts_email ON accounts (tenant, email_key);

CREATE TABLE clients (
    tenant       VARCHAR(64) NOT NULL,
    client_id    VARCHAR(128) NOT NULL,
    name         VARCHAR(256) NOT NULL,
    secret_hash  VARCHAR(512) NOT NULL,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (tenant, client_id)
);

CREATE TABLE sessions (
    id_hash          VARCHAR(64) PRIMARY KEY,
    ref              VARCHAR(64) NOT NULL,
    tenant           VARCHAR(64) NOT NULL,
    account_id       VARCHAR(64) NOT NULL,
    username         VARCHAR(256) NOT NULL,
    account_type     VARCHAR(16) NOT NULL,
    channel          VARCHAR(32) NOT NULL,
    created_at       BIGINT NOT NULL,
    last_seen_at     BIGINT NOT NULL,
    idle_timeout_ms  BIGINT NOT NULL,
    absolute_expiry  BIGINT NOT NULL,
    client_ip        VARCHAR(64) NOT NULL,
    user_agent       VARCHAR(256) NOT NULL,
    client_id        VARCHAR(128),
    attributes       VARCHAR(100000) NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);

CREATE TABLE access_tokens (
    id_hash     VARCHAR(64) PRIMARY KEY,
    tenant      VARCHAR(64) NOT NULL,
    client_id   VARCHAR(128) NOT NULL,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
);

CREATE TABLE audit_events (
    id         VARCHAR(64) PRIMARY KEY,
    at         BIGINT NOT NULL,
    tenant     VARCHAR(64) NOT NULL,
    event_type VARCHAR(64) NOT NULL,
    username   VARCHAR(256),
    channel    VARCHAR(32),
    client_ip  VARCHAR(64),
    actor      VARCHAR(256),
    detail     VARCHAR(2000)
);
CREATE INDEX audit_events_tenant_at ON audit_events (tenant, at);

-- Server-wide secrets (the bootstrap admin password), as Argon2 hashes.
CREATE TABLE server_secrets (
    name         VARCHAR(64) PRIMARY KEY,
    secret_hash  VARCHAR(512) NOT NULL
);
