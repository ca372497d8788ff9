-- Named administrators (issue 18). The bootstrap owner "admin" has no password hash here: its
-- password comes from FRONTDESK_ADMIN_PASSWORD (or the generated one in server_secrets).
-- totp_secret: the confirmed TOTP key (Base32); totp_pending: one shown for enrolment, not yet confirmed;
-- totp_last_step: the newest 30-second step a code was accepted for (a code is never accepted twice).

CREATE TABLE administrators (
    username        VARCHAR(64) PRIMARY KEY,
    role            VARCHAR(16) NOT NULL,
    tenants         VARCHAR(8000) NOT NULL,
    password_hash   VARCHAR(512),
    created_at      BIGINT NOT NULL,
    totp_secret     VARCHAR(128),
    totp_pending    VARCHAR(128),
    totp_last_step  BIGINT NOT NULL
);

-- One-time recovery codes: SHA-256 of each, deleted when used.
CREATE TABLE administrator_recovery_codes (
    username   VARCHAR(64) NOT NULL,
    code_hash  VARCHAR(64) NOT NULL,
    PRIMARY KEY (username, code_hash)
);
