package dev.frontdesk.server.iservice;

import dev.frontdesk.core.Frontdesk;
import dev.frontdesk.core.account.Account;
import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.audit.AuditType;
import dev.frontdesk.core.login.CredentialCheck;
import dev.frontdesk.core.openid.OpenIdLinks;
import dev.frontdesk.core.session.EndReason;
import java.util.Optional;
import java.util.Set;

/** {@code login} (password or OpenID GUID), {@code loggedin} and {@code logout}. */
final class LoginEndpoints {
    static final String[] LOGIN_FIELDS = {"emailAddress", "userName", "username", "email", "login"};
    static final String[] GUID_FIELDS = {"openIdGuid", "openId", "guid"};
    private static final Set<AccountType> EVERYONE = Set.of(AccountType.AGENT, AccountType.CUSTOMER);

    private final Frontdesk core;
    private final OpenIdLinks links;
    private final IServiceSessions sessions;

    LoginEndpoints(Frontdesk core, OpenIdLinks links, IServiceSessions sessions) {
        this.core = core;
        this.links = links;
        this.sessions = sessions;
    }

    /**
     * Agents and contacts alike. A wrong password, an unknown login, a disabled account and an unknown
     * GUID all give the same answer (the core spends the same hashing time on each).
     */
    Reply login(Call call) {
        WireRequest body = call.body();
        String guid = body.text(GUID_FIELDS);
        if (!guid.isEmpty() && body.first("password").isEmpty()) {
            return loginWithGuid(call, guid);
        }
        CredentialCheck check = core.logins().checkPassword(call.tenantId(), body.text(LOGIN_FIELDS),
                body.secret("password"), EVERYONE, call.context());
        return switch (check) {
            case CredentialCheck.Invalid i -> Reply.failed(sessions.anonymous(call), Messages.BAD_CREDENTIALS);
            case CredentialCheck.Throttled t ->
                    Reply.failed(sessions.anonymous(call), Messages.throttled(t.retryAfter().toSeconds()));
            case CredentialCheck.Valid v -> sessions.start(call, v.account(), call.force());
        };
    }

    private Reply loginWithGuid(Call call, String guid) {
        Optional<Account> account = links.accountFor(call.tenantId(), guid)
                .flatMap(id -> core.accounts().find(call.tenantId(), id))
                .filter(Account::enabled);
        if (account.isEmpty()) {
            core.audit().record(AuditType.LOGIN_FAILED, call.tenantId(), null, call.context(), "unknown OpenID GUID");
            return Reply.failed(sessions.anonymous(call), Messages.BAD_CREDENTIALS);
        }
        return sessions.start(call, account.get(), call.force());
    }

    Reply loggedIn(Call call) {
        return Reply.ok(sessions.currentView(call));
    }

    Reply logout(Call call) {
        sessions.current(call).ifPresent(c -> core.sessions().end(c.sessionId(), EndReason.LOGOUT, call.context()));
        SessionCookie.clear(call.request(), call.response());
        return Reply.ok(sessions.anonymous(call));
    }
}
