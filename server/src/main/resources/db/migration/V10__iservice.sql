-- iService dialect: password-reset codes and OpenID links. Only hashes of the codes and GUIDs are stored.

CREATE TABLE password_reset_codes (
    code_hash   VARCHAR(64) PRIMARY KEY,
    tenant      VARCHAR(64) NOT NULL,
    account_id  VARCHAR(64) NOT NULL,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE INDEX password_reset_codes_account ON password_reset_codes (account_id);

CREATE TABLE openid_links (
    tenant      VARCHAR(64) NOT NULL,
    issuer      VARCHAR(1024) NOT NULL,
    subject     VARCHAR(256) NOT NULL,
    provider    VARCHAR(256) NOT NULL,
    account_id  VARCHAR(64) NOT NULL,
    guid_hash   VARCHAR(64) NOT NULL,
    linked_at   BIGINT NOT NULL,
    PRIMARY KEY (tenant, issuer, subject),
    CONSTRAINT openid_links_guid_unique UNIQUE (guid_hash)
);
CREATE INDEX openid_links_account ON openid_links (tenant, account_id);
