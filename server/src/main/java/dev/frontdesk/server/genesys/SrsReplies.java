package dev.frontdesk.server.genesys;

import dev.frontdesk.server.http.SessionCookies;
import dev.frontdesk.core.account.Account;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.server.http.Responses;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Web Services API's wire forms: {@code statusCode}/{@code statusMessage} bodies, the user, the cookie. */
final class SrsReplies {
    /** statusCode values of the Web Services API. */
    static final int OK = 0;
    static final int MISSING_PARAMETER = 1;
    static final int INVALID_STATE = 2;
    static final int FORBIDDEN = 3;
    static final int INTERNAL_ERROR = 4;
    static final int NOT_AUTHENTICATED = 20;

    /** A scheme browsers do not know, so a 401 never opens a password dialog (the page asks itself). */
    static final String CHALLENGE = "xBasic realm=\"Frontdesk SRS\"";

    private SrsReplies() {
    }

    /** A failure to answer in the SRS shape; thrown by handlers, written by the dialect's wrapper. */
    static final class Failure extends RuntimeException {
        private final int status;
        private final int statusCode;

        Failure(int status, int statusCode, String message) {
            super(message, null, false, false);
            this.status = status;
            this.statusCode = statusCode;
        }

        static Failure accessDenied() {
            return new Failure(401, NOT_AUTHENTICATED, "Access denied");
        }

        static Failure forbidden(String message) {
            return new Failure(403, FORBIDDEN, message);
        }

        int status() {
            return status;
        }

        int statusCode() {
            return statusCode;
        }
    }

    static void ok(ServerResponse res) {
        status(res, 200, OK, null);
    }

    static void status(ServerResponse res, int httpStatus, int statusCode, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", statusCode);
        if (message != null) {
            body.put("statusMessage", message);
        }
        if (httpStatus == 401) {
            res.header(HeaderNames.WWW_AUTHENTICATE, CHALLENGE);
        }
        Responses.json(res, httpStatus, body);
    }

    /**
     * The SRS user. Its {@code uri} is absolute: built from the tenant's {@code publicBaseUrl}, else from
     * the request's host when the tenant claims that host by name, else left out. Never from an
     * arbitrary {@code Host} header, which would let a client make the answer point elsewhere.
     */
    /** @param viaTls whether the client reached us over TLS (the shared rule), for the {@code uri} scheme */
    static void user(ServerRequest req, ServerResponse res, Tenant tenant, Account account, boolean viaTls) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", account.id());
        user.put("userName", account.username());
        putIfSet(user, "firstName", account.firstName());
        putIfSet(user, "lastName", account.lastName());
        putIfSet(user, "emailAddress", account.email());
        user.put("roles", List.of("ROLE_AGENT"));
        user.put("enabled", account.enabled());
        user.put("changePasswordOnFirstLogin", false);
        user.put("contactCenterId", account.tenant());
        user.put("path", "/users/" + account.id());
        baseUrl(req, tenant, viaTls).ifPresent(base -> user.put("uri", base + "/api/v2/users/" + account.id()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", OK);
        body.put("user", user);
        Responses.json(res, 200, body);
    }

    /**
     * {@code JSESSIONID} (the name Genesys clients expect, so no {@code __Host-} prefix): SameSite=None
     * under TLS (cross-site desktops), Lax otherwise; the rest is the shared cookie rule.
     */
    static final SessionCookies.Spec COOKIE = new SessionCookies.Spec(SrsDialect.COOKIE, false,
            SessionCookies.SameSite.LAX, SessionCookies.SameSite.NONE, null);

    private static java.util.Optional<String> baseUrl(ServerRequest req, Tenant tenant, boolean viaTls) {
        String configured = tenant.settings().publicBaseUrl();
        if (!configured.isEmpty()) {
            return java.util.Optional.of(configured);
        }
        String authority = req.authority();
        if (authority == null || authority.isBlank() || authority.length() > 255) {
            return java.util.Optional.empty();
        }
        String host = authority.toLowerCase(java.util.Locale.ROOT);
        int colon = host.startsWith("[") ? host.indexOf("]:") + 1 : host.lastIndexOf(':');
        String name = colon > 0 ? host.substring(0, colon) : host;
        String port = colon > 0 ? host.substring(colon + 1) : "";
        if (!tenant.hosts().contains(name) || !port.chars().allMatch(Character::isDigit)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of((viaTls ? "https://" : "http://") + host);
    }

    private static void putIfSet(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
