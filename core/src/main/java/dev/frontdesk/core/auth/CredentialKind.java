package dev.frontdesk.core.auth;

import dev.frontdesk.core.audit.AuditType;

/**
 * What kind of secret an attempt presents. Kinds that prove the same person share one throttle
 * namespace: a dialect password, an LDAP bind and an upstream check for one login name are guesses at
 * one account, so they count together; client secrets, administrator credentials and OpenID tokens
 * are counted apart.
 */
public enum CredentialKind {
    PASSWORD("login", AuditType.LOGIN_FAILED, true),
    DIRECTORY("login", AuditType.LOGIN_FAILED, true),
    UPSTREAM("login", AuditType.LOGIN_FAILED, true),
    OPENID("openid", AuditType.LOGIN_FAILED, true),
    CLIENT_SECRET("client", AuditType.CLIENT_AUTH_FAILED, false),
    ADMINISTRATOR("admin", AuditType.LOGIN_FAILED, true),
    /** A one-time code (TOTP or recovery code) after a password: counted apart from password guesses. */
    SECOND_FACTOR("second-factor", AuditType.LOGIN_FAILED, true);

    private final String throttleNamespace;
    private final AuditType failure;
    private final boolean person;

    CredentialKind(String throttleNamespace, AuditType failure, boolean person) {
        this.throttleNamespace = throttleNamespace;
        this.failure = failure;
        this.person = person;
    }

    /** Whether a person (with a browser or app that can keep a device token) presents this kind. */
    public boolean isPerson() {
        return person;
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
