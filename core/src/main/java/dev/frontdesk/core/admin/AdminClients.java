package dev.frontdesk.core.admin;

import dev.frontdesk.core.audit.Audit;
import dev.frontdesk.core.audit.AuditType;
import dev.frontdesk.core.client.AccessToken;
import dev.frontdesk.core.client.ClientApp;
import dev.frontdesk.core.client.ClientApps;
import dev.frontdesk.core.support.RequestContext;
import dev.frontdesk.core.tenant.Tenant;
import java.time.Clock;
import java.util.Optional;

/**
 * Automation without passwords: a client of the {@code default} tenant registered with an
 * administrator role gets, when it asks for {@code scope=admin}, an ordinary access token (same
 * lifetime, cap and revocation as any other) that is also marked admin-scoped here. The admin API
 * accepts a bearer token only when it is live, belongs to such a client, and carries that mark, and
 * then with exactly the client's role; any other token of the same client is refused by the admin API.
 * The role is read at each use, so changing or deleting the grant takes effect at once.
 */
public final class AdminClients {
    public static final String SCOPE = "admin";

    private final AdminClientStore store;
    private final ClientApps clients;
    private final Audit audit;
    private final Clock clock;

    public AdminClients(AdminClientStore store, ClientApps clients, Audit audit, Clock clock) {
        this.store = store;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    /** Gives a registered client of the default tenant an administrator role. */
    public void grant(AdminGrant grant, RequestContext actor) {
        store.saveGrant(grant);
        audit.record(AuditType.ADMIN_CHANGE, Tenant.DEFAULT, null, actor, "client " + grant.clientId()
                + " may act as " + grant.role().wireName()
                + (grant.tenants().isEmpty() ? "" : " " + String.join(",", grant.tenants())));
    }

    public Optional<AdminGrant> grantOf(String tenant, String clientId) {
        return Tenant.DEFAULT.equals(tenant) ? store.findGrant(clientId) : Optional.empty();
    }

    public void revokeGrant(String tenant, String clientId) {
        if (Tenant.DEFAULT.equals(tenant)) {
            store.deleteGrant(clientId);
        }
    }

    /** True when the client may ask for {@code scope=admin}. */
    public boolean mayAskForAdminScope(ClientApp client) {
        return grantOf(client.tenant(), client.clientId()).isPresent();
    }

    /** Marks a token just issued with {@code scope=admin}. */
    public void markIssued(AccessToken token) {
        store.markAdminToken(token.idHash(), token.clientId(), token.expiresAt(), clock.instant());
    }

    /** The answer to a bearer token presented to the admin API. */
    public sealed interface BearerCheck {
        record Granted(AdminGrant grant) implements BearerCheck {
        }

        /** A live token, but not admin-scoped (or its client has no role): refused for lack of scope. */
        record NotAdminScoped() implements BearerCheck {
        }

        /** Unknown, expired or revoked. */
        record Invalid() implements BearerCheck {
        }
    }

    public BearerCheck check(String bearer) {
        Optional<AccessToken> token = clients.validate(bearer);
        if (token.isEmpty()) {
            return new BearerCheck.Invalid();
        }
        Optional<AdminGrant> grant = grantOf(token.get().tenant(), token.get().clientId());
        if (grant.isEmpty() || !store.isAdminToken(token.get().idHash())) {
            return new BearerCheck.NotAdminScoped();
        }
        return new BearerCheck.Granted(grant.get());
    }
}
