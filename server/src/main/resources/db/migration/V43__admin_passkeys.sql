-- WebAuthn passkeys of administrators (issue 18): the credential ID (base64url), the attested
-- credential data (public key, base64url) and the authenticator's signature counter.

CREATE TABLE admin_passkeys (
    credential_id  VARCHAR(1400) PRIMARY KEY,
    username       VARCHAR(64) NOT NULL,
    material       VARCHAR(8000) NOT NULL,
    sign_count     BIGINT NOT NULL,
    created_at     BIGINT NOT NULL
);
CREATE INDEX admin_passkeys_username ON admin_passkeys (username);
