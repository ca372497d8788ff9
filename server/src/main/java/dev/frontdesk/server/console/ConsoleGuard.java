package dev.frontdesk.server.console;

import dev.frontdesk.server.admin.AdminAuth;
import dev.frontdesk.server.admin.AdminAuth.ConsoleVerdict;
import dev.frontdesk.server.http.ClientAddresses;
import dev.frontdesk.server.http.Requests;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import java.net.URI;
import java.util.Locale;
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
final class ConsoleGuard implements AdminAuth.ConsoleSessionCheck {
    static final String COOKIE = "frontdesk-console";
    /** Under TLS the cookie takes the {@code __Host-} prefix: Secure, Path=/, no Domain, enforced by the browser. */
    static final String TLS_COOKIE = "__Host-frontdesk-console";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String BACKGROUND_HEADER = "X-Console-Background";

    private final ConsoleSessions sessions;
    private final ClientAddresses addresses;

    ConsoleGuard(ConsoleSessions sessions, ClientAddresses addresses) {
        this.sessions = sessions;
        this.addresses = addresses;
    }

    @Override
    public ConsoleVerdict check(ServerRequest request) {
        Optional<String> id = sessionId(request);
        if (id.isEmpty()) {
            return ConsoleVerdict.ABSENT;
        }
        if (sessions.find(id.get()).isEmpty()) {
            return ConsoleVerdict.EXPIRED;
        }
        if (!isSafe(request.prologue().method())
                && (!sameOrigin(request) || !sessions.csrfMatches(id.get(), csrfHeader(request)))) {
            return ConsoleVerdict.FORBIDDEN;
        }
        if (!isBackground(request)) {
            sessions.touch(id.get());
        }
        return ConsoleVerdict.ACCEPTED;
    }

    boolean viaTls(ServerRequest request) {
        return addresses.viaTls(request);
    }

    String cookieName(ServerRequest request) {
        return viaTls(request) ? TLS_COOKIE : COOKIE;
    }

    Optional<String> sessionId(ServerRequest request) {
        return Requests.cookie(request, cookieName(request)).filter(v -> !v.isEmpty());
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
     * {@code Sec-Fetch-Site} and {@code Origin} themselves; a page cannot forge them.
     */
    static boolean sameOrigin(ServerRequest request) {
        Optional<String> site = request.headers().first(HeaderNames.create("Sec-Fetch-Site"));
        if (site.isPresent() && !site.get().equals("same-origin") && !site.get().equals("none")) {
            return false;
        }
        Optional<String> origin = request.headers().first(HeaderNames.ORIGIN);
        if (origin.isEmpty()) {
            return true;
        }
        try {
            URI uri = URI.create(origin.get().trim());
            if (uri.getRawAuthority() == null) {
                return false;
            }
            return withoutDefaultPort(uri.getRawAuthority()).equals(withoutDefaultPort(request.authority()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String withoutDefaultPort(String authority) {
        String lower = authority == null ? "" : authority.toLowerCase(Locale.ROOT);
        if (lower.endsWith(":80")) {
            return lower.substring(0, lower.length() - 3);
        }
        if (lower.endsWith(":443")) {
            return lower.substring(0, lower.length() - 4);
        }
        return lower;
    }
}
