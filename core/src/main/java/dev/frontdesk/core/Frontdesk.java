package dev.frontdesk.core;

import dev.frontdesk.core.account.AccountStore;
import dev.frontdesk.core.account.Accounts;
import dev.frontdesk.core.audit.Audit;
import dev.frontdesk.core.audit.AuditLog;
import dev.frontdesk.core.auth.Authentication;
import dev.frontdesk.core.client.ClientApps;
import dev.frontdesk.core.client.ClientStore;
import dev.frontdesk.core.client.TokenStore;
import dev.frontdesk.core.credential.PasswordHasher;
import dev.frontdesk.core.gateway.GatewayRuleStore;
import dev.frontdesk.core.gateway.GatewayRules;
import dev.frontdesk.core.login.LoginService;
import dev.frontdesk.core.session.SessionEngine;
import dev.frontdesk.core.session.SessionStore;
import dev.frontdesk.core.support.IdGenerator;
import dev.frontdesk.core.support.Secrets;
import dev.frontdesk.core.tenant.TenantStore;
import dev.frontdesk.core.tenant.Tenants;
import dev.frontdesk.core.throttle.LoginThrottle;
import java.time.Clock;

/** The core's services, wired from its ports. Dialects receive this and nothing else from the core. */
public record Frontdesk(Tenants tenants, Accounts accounts, LoginService logins, SessionEngine sessions,
                        ClientApps clients, Audit audit, Authentication authentication, PasswordHasher hasher,
                        Secrets secrets, Clock clock, GatewayRules gatewayRules) {

    /** The ports a deployment provides. */
    public record Ports(TenantStore tenants, AccountStore accounts, SessionStore sessions, ClientStore clients,
                        TokenStore tokens, AuditLog audit, PasswordHasher hasher, LoginThrottle throttle,
                        GatewayRuleStore gatewayRules) {
    }

    public static Frontdesk wire(Ports ports, Clock clock, Secrets secrets, IdGenerator ids) {
        Tenants tenants = new Tenants(ports.tenants());
        Audit audit = new Audit(ports.audit(), clock, ids);
        SessionEngine sessions = new SessionEngine(ports.sessions(), tenants, audit, clock, secrets, ids);
        Accounts accounts = new Accounts(ports.accounts(), tenants, ports.hasher(), sessions, audit, clock, ids);
        Authentication authentication = new Authentication(ports.throttle(), audit, secrets);
        LoginService logins = new LoginService(accounts, ports.hasher(), sessions, authentication, tenants, audit);
        ClientApps clients = new ClientApps(ports.clients(), ports.tokens(), tenants, ports.hasher(), audit,
                authentication, clock, secrets);
        return new Frontdesk(tenants, accounts, logins, sessions, clients, audit, authentication, ports.hasher(),
                secrets, clock, new GatewayRules(ports.gatewayRules()));
    }
}
