package dev.frontdesk.core.auth;

import dev.frontdesk.core.audit.AuditType;

/**
 * What kind of secret an attempt presents. Kinds that prove the same person share one throttle
 * namespace: a dialect password, an LDAP bind and an upstream check for one login name are guesses at
 * one account, so they count together; client secrets, administrator credentials and OpenID tokens
 * are counted apart.
 */
public enum CredentialKind {
    PASSWORD("login", AuditType.LOGIN_FAILED),
    DIRECTORY("login", AuditType.LOGIN_FAILED),
    UPSTREAM("login", AuditType.LOGIN_FAILED),
    OPENID("openid", AuditType.LOGIN_FAILED),
    CLIENT_SECRET("client", AuditType.CLIENT_AUTH_FAILED),
    ADMINISTRATOR("admin", AuditType.LOGIN_FAILED),
    /** A one-time code (TOTP or recovery code) after a password: counted apart from password guesses. */
    SECOND_FACTOR("second-factor", AuditType.LOGIN_FAILED);

    private final String throttleNamespace;
    private final AuditType failure;

    CredentialKind(String throttleNamespace, AuditType failure) {
        this.throttleNamespace = throttleNamespace;
        this.failure = failure;
    }

    /** The throttle key's prefix: kinds with the same namespace count failures together. */
    public String throttleNamespace() {
        return throttleNamespace;
    }

    /** The audit type of a refused attempt of this kind. */
    public AuditType failureAudit() {
        return failure;
    }
}
