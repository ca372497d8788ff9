package dev.frontdesk.server.iservice;

import dev.frontdesk.core.Frontdesk;
import dev.frontdesk.core.account.Account;
import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.auth.Attempt;
import dev.frontdesk.core.auth.AuthOutcome;
import dev.frontdesk.core.auth.CredentialKind;
import dev.frontdesk.core.auth.Verification;
import dev.frontdesk.core.login.CredentialCheck;
import dev.frontdesk.core.openid.OpenIdLinks;
import dev.frontdesk.core.session.EndReason;
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
        Attempt attempt = new Attempt(call.tenantId(), CredentialKind.OPENID, "(guid)", call.context());
        AuthOutcome<Account> outcome = core.authentication().authenticate(attempt, call.tenant().settings().throttle(),
                () -> links.accountFor(call.tenantId(), guid)
                        .flatMap(id -> core.accounts().find(call.tenantId(), id))
                        .filter(Account::enabled)
                        .<Verification<Account>>map(Verification::verified)
                        .orElseGet(() -> Verification.rejected("unknown OpenID GUID")));
        return switch (outcome) {
            case AuthOutcome.Accepted<Account> a -> sessions.start(call, a.who(), call.force());
            case AuthOutcome.Throttled<Account> t ->
                    Reply.failed(sessions.anonymous(call), Messages.throttled(t.retryAfter().toSeconds()));
            default -> Reply.failed(sessions.anonymous(call), Messages.BAD_CREDENTIALS);
        };
    }

    Reply loggedIn(Call call) {
        return Reply.ok(sessions.currentView(call));
    }

    Reply logout(Call call) {
        sessions.current(call).ifPresent(c -> core.sessions().end(c.sessionId(), EndReason.LOGOUT, call.context()));
        sessions.clearCookie(call);
        return Reply.ok(sessions.anonymous(call));
    }
}
