package dev.frontdesk.server.iservice;

import dev.frontdesk.core.Frontdesk;
import dev.frontdesk.core.account.Account;
import dev.frontdesk.core.login.LoginResult;
import dev.frontdesk.core.openid.OpenIdLinks;
import dev.frontdesk.core.session.EndReason;
import dev.frontdesk.core.session.Session;
import dev.frontdesk.core.session.SessionRequest;
import dev.frontdesk.server.http.SessionCookies;
import java.util.Map;
import java.util.Optional;

/**
 * The cookie session of the iService dialect: finding the caller's live session, opening a fresh one
 * after any kind of authentication, and rendering LoggedIn.
 *
 * <p>No fixation: every successful authentication ends the session whose cookie came with the
 * request (whoever it belonged to) and sets a cookie with a newly generated ID; a presented ID is
 * never adopted. A cookie is honoured only for a live session of the same tenant opened by this
 * dialect.
 */
final class IServiceSessions {
    static final String CHANNEL = "iservice";

    private final Frontdesk core;
    private final OpenIdLinks links;
    private final SessionCookies cookies;

    IServiceSessions(Frontdesk core, OpenIdLinks links, SessionCookies cookies) {
        this.core = core;
        this.links = links;
        this.cookies = cookies;
    }

    void clearCookie(Call call) {
        cookies.clear(call.request(), call.response(), SessionCookie.SPEC);
    }

    /** The live session the request's cookie names, with its (enabled) account. Counts as activity. */
    Optional<Current> current(Call call) {
        return cookies.read(call.request(), SessionCookie.SPEC).flatMap(id -> core.sessions().validate(id)
                .filter(s -> s.tenant().equals(call.tenantId()) && s.channel().equals(CHANNEL))
                .flatMap(s -> core.accounts().find(s.tenant(), s.accountId())
                        .filter(Account::enabled)
                        .map(a -> new Current(id, s, a))));
    }

    Map<String, Object> view(Call call, Account account) {
        return LoggedInView.of(account, call.tenant(), links.linksOf(account.tenant(), account.id()));
    }

    Map<String, Object> anonymous(Call call) {
        return LoggedInView.anonymous(call.tenant());
    }

    /** LoggedIn for the caller's current session, or the logged-out one. */
    Map<String, Object> currentView(Call call) {
        return current(call).map(c -> view(call, c.account())).orElseGet(() -> anonymous(call));
    }

    /** Ends the session named by the request's cookie, if any. */
    void endPresented(Call call) {
        cookies.read(call.request(), SessionCookie.SPEC).ifPresent(id -> core.sessions().end(id, EndReason.LOGOUT, call.context()));
    }

    /**
     * Logs an already authenticated account in: ends the presented session, opens a new one under the
     * core's cap (force ends the oldest), sets the cookie and answers LoggedIn — or the reason it could not.
     */
    Reply start(Call call, Account account, boolean force) {
        endPresented(call);
        LoginResult result = core.logins().openSession(account,
                new SessionRequest(call.context(), force, null, null, Map.of()));
        return finish(call, result);
    }

    /** Renders a login outcome, setting the cookie on success. */
    Reply finish(Call call, LoginResult result) {
        return switch (result) {
            case LoginResult.Success s -> {
                cookies.set(call.request(), call.response(), SessionCookie.SPEC, s.sessionId());
                yield Reply.ok(view(call, s.account()));
            }
            case LoginResult.BadCredentials b -> Reply.failed(anonymous(call), Messages.BAD_CREDENTIALS);
            case LoginResult.SessionLimitReached c -> Reply.failed(anonymous(call), Messages.sessionLimit(c.limit()));
            case LoginResult.LicensesExhausted l -> Reply.failed(anonymous(call), Messages.LICENSES_EXHAUSTED);
            case LoginResult.Throttled t -> Reply.failed(anonymous(call), Messages.throttled(t.retryAfter().toSeconds()));
        };
    }

    /** A caller's live session: the ID it presented, the session and its account. */
    record Current(String sessionId, Session session, Account account) {
        @Override
        public String toString() {
            return "Current[session=" + session.ref() + ", account=" + account.id() + "]";
        }
    }
}
