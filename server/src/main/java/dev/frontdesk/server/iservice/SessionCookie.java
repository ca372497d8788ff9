package dev.frontdesk.server.iservice;

import dev.frontdesk.server.http.Requests;
import io.helidon.http.SetCookie;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The cookie that carries an iService session ID (iService does not publish its cookie's name, so the
 * name is ours). Over TLS it is {@code __Host-iservice-session} with {@code Secure}: the prefix makes
 * browsers refuse it from a sibling subdomain or without TLS. Over plain HTTP (development, or TLS
 * ended at a proxy) browsers reject {@code __Host-} cookies, so it is {@code iservice-session}. Either
 * way HttpOnly, SameSite=Lax, Path=/, no Domain and no Max-Age (a browser-session cookie; the server's
 * idle and absolute timeouts decide how long the session lives). Each name is read only on the kind
 * of connection it is set on.
 */
final class SessionCookie {
    static final String NAME = "iservice-session";
    static final String SECURE_NAME = "__Host-iservice-session";

    private SessionCookie() {
    }

    static Optional<String> read(ServerRequest request) {
        return Requests.cookie(request, name(request)).map(String::trim).filter(v -> !v.isEmpty());
    }

    static void set(ServerRequest request, ServerResponse response, String sessionId) {
        response.headers().addCookie(base(request, sessionId).build());
    }

    static void clear(ServerRequest request, ServerResponse response) {
        response.headers().addCookie(base(request, "")
                .maxAge(Duration.ZERO)
                .expires(Instant.EPOCH)
                .build());
    }

    private static SetCookie.Builder base(ServerRequest request, String value) {
        return SetCookie.builder(name(request), value)
                .path("/")
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite(SetCookie.SameSite.LAX);
    }

    private static String name(ServerRequest request) {
        return request.isSecure() ? SECURE_NAME : NAME;
    }
}
