package dev.frontdesk.core.auth;

import dev.frontdesk.core.support.RequestContext;
import java.util.Objects;

/**
 * One presentation of a credential, as the throttle and the audit trail see it: never the secret.
 *
 * @param scope the tenant id, or {@link #ADMIN_SCOPE} for administrators
 * @param principal the name the attempt claims (login name, client id, administrator); may be unknown
 */
public record Attempt(String scope, CredentialKind kind, String principal, RequestContext context) {
    /** The scope of administrator credentials: outside every tenant. */
    public static final String ADMIN_SCOPE = "(admin)";
    private static final int MAX_PRINCIPAL = 256;

    public Attempt {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(context, "context");
        principal = principal == null ? "" : principal.trim();
    }

    /** The principal as audited: bounded, so a huge name cannot bloat the trail. */
    public String auditName() {
        return principal.length() > MAX_PRINCIPAL ? principal.substring(0, MAX_PRINCIPAL) : principal;
    }

    /** The throttle's key for this principal: namespaced by kind, so a client id never counts against a login. */
    public String throttleKey() {
        return kind.throttleNamespace() + ":" + auditName();
    }
}
