package dev.frontdesk.server.console;

import dev.frontdesk.server.http.ConsoleSessionCheck;
import dev.frontdesk.server.http.ConsoleSessionCheck.Check;
import dev.frontdesk.server.http.ConsoleSessionCheck.Verdict;
import dev.frontdesk.server.http.OriginPolicy;
import dev.frontdesk.server.http.SessionCookies;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;

/**
 * Judges a request by its console cookie, for the console's own API and for the admin API.
 *
 * <p>Reading (GET, HEAD) needs a live session. Every other method also needs the session's CSRF token
 * in {@code X-CSRF-Token} (compared in constant time), and is refused when the browser says it comes
 * from another site ({@code Sec-Fetch-Site}) or names an {@code Origin} whose host differs from the
 * request's {@code Host}. A request carrying {@code X-Console-Background: 1} (the console's periodic
 * refresh) is served without counting as use, so an unattended console still times out.
 */
final class ConsoleGuard implements ConsoleSessionCheck {
    /** {@code frontdesk-console}, {@code __Host-frontdesk-console} under TLS; SameSite=Strict. */
    static final SessionCookies.Spec COOKIE = SessionCookies.Spec.of("frontdesk-console", SessionCookies.SameSite.STRICT)
            .withMaxAge(ConsoleSessions.ABSOLUTE);
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String BACKGROUND_HEADER = "X-Console-Background";

    private final ConsoleSessions sessions;
    private final SessionCookies cookies;
    private final OriginPolicy origins;

    ConsoleGuard(ConsoleSessions sessions, SessionCookies cookies, OriginPolicy origins) {
        this.sessions = sessions;
        this.cookies = cookies;
        this.origins = origins;
    }

    @Override
    public Check check(ServerRequest request) {
        Optional<String> id = sessionId(request);
        if (id.isEmpty()) {
            return Check.ABSENT;
        }
        Optional<ConsoleSessions.Entry> entry = sessions.find(id.get());
        if (entry.isEmpty()) {
            return Check.EXPIRED;
        }
        if (!isSafe(request.prologue().method())
                && (!sameOrigin(request) || !sessions.csrfMatches(id.get(), csrfHeader(request)))) {
            return Check.FORBIDDEN;
        }
        if (!isBackground(request)) {
            sessions.touch(id.get());
        }
        return new Check(Verdict.ACCEPTED, entry.get().administrator());
    }

    Optional<String> sessionId(ServerRequest request) {
        return cookies.read(request, COOKIE);
    }

    private static String csrfHeader(ServerRequest request) {
        return request.headers().first(HeaderNames.create(CSRF_HEADER)).orElse(null);
    }

    private static boolean isSafe(Method method) {
        return method == Method.GET || method == Method.HEAD;
    }

    private static boolean isBackground(ServerRequest request) {
        return request.headers().first(HeaderNames.create(BACKGROUND_HEADER)).map("1"::equals).orElse(false);
    }

    /**
     * False when the browser tells us the request comes from another site. Browsers set
     * {@code Sec-Fetch-Site} and {@code Origin} themselves; a page cannot forge them. The console
     * allows no other origin than its own.
     */
    boolean sameOrigin(ServerRequest request) {
        Optional<String> site = request.headers().first(HeaderNames.create("Sec-Fetch-Site"));
        if (site.isPresent() && !site.get().equals("same-origin") && !site.get().equals("none")) {
            return false;
        }
        Optional<String> origin = OriginPolicy.origin(request);
        return origin.isEmpty() || origins.sameOrigin(origin.get(), request);
    }
}
