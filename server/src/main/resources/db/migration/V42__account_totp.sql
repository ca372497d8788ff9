-- TOTP for accounts on the native API (issue 18): the confirmed key, a pending one, and the newest
-- accepted 30-second step (a code is never accepted twice). mfa_challenges: the step between a login's
-- password and its code, by SHA-256 of the mfaToken.

CREATE TABLE account_totp (
    account_id  VARCHAR(64) PRIMARY KEY,
    secret      VARCHAR(128),
    pending     VARCHAR(128),
    last_step   BIGINT NOT NULL
);

CREATE TABLE mfa_challenges (
    token_hash  VARCHAR(64) PRIMARY KEY,
    account_id  VARCHAR(64) NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE INDEX mfa_challenges_expiry ON mfa_challenges (expires_at);
