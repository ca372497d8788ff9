package dev.frontdesk.server.egain;

import dev.frontdesk.core.Frontdesk;
import dev.frontdesk.core.client.AccessToken;
import dev.frontdesk.core.login.LoginRequest;
import dev.frontdesk.core.login.LoginResult;
import dev.frontdesk.core.session.SessionRequest;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.server.http.Requests;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /ws/v12/authentication/user/login} (agents) and
 * {@code POST /ws/v15/context/authentication/user/login} (customers): parse the body, check the
 * optional client bearer token, one core login, and the eGain answer — 204 with
 * {@code X-egain-session}, or 400/401/403/406/413/415 in the eGain error shape.
 *
 * <p>The 401 message echoes the user name as sent (seed 002: "... Username : kbagent567"). It is
 * the same text for an unknown user, a wrong password, a disabled account and an account of the
 * other type, and the core spends one hash on each, so the echo tells the caller nothing it did not
 * send; it is escaped for XML, and JSON escaping is Jackson's.
 */
final class LoginEndpoint {
    private final EgainApi api;
    private final Frontdesk core;
    private final Requests requests;

    LoginEndpoint(EgainApi api, Frontdesk core, Requests requests) {
        this.api = api;
        this.core = core;
        this.requests = requests;
    }

    void login(ServerRequest req, ServerResponse res, Exchange exchange, Tenant tenant) {
        boolean force = forceLogin(req);
        String mediaType = Requests.mediaType(req);
        byte[] body = requests.body(req);
        String pathNamespace = EgainDialect.endpoint(req.path().path())
                .map(e -> EgainApi.namespaceOf(e.version())).orElse(api.namespace());
        LoginCredentials credentials = LoginBodies.read(body, mediaType, boundary(req), api, pathNamespace);
        String clientId = clientOf(req, tenant);
        SessionRequest session = new SessionRequest(requests.context(req, api.channel()), force, null, clientId,
                Map.of());
        LoginResult result = core.logins().login(new LoginRequest(tenant.id(), credentials.userName(),
                credentials.password(), Set.of(api.accountType()), session));
        switch (result) {
            case LoginResult.Success success -> {
                res.status(204);
                res.header(EgainDialect.SESSION_HEADER, success.sessionId());
                res.header(HeaderNames.CONTENT_TYPE, exchange.format().mediaType());
                res.send();
            }
            case LoginResult.BadCredentials bad -> throw new EgainError(401, "credentials.invalid",
                    credentials.userName());
            case LoginResult.Throttled throttled -> throw new EgainError(401, "credentials.invalid",
                    credentials.userName())
                    .header("Retry-After", String.valueOf(Math.max(1, throttled.retryAfter().toSeconds())));
            case LoginResult.SessionLimitReached limit -> throw new EgainError(403, "session.limit", limit.limit());
            case LoginResult.LicensesExhausted licenses -> throw new EgainError(403, "licenses.exhausted");
        }
    }

    /** {@code forceLogin}: absent is false, {@code yes} (any case) is true, anything else a 400. */
    static boolean forceLogin(ServerRequest req) {
        List<String> values = req.query().all("forceLogin", List::of);
        for (String value : values) {
            if (!value.trim().equalsIgnoreCase("yes")) {
                throw EgainError.badRequest("forceLogin.invalid");
            }
        }
        return !values.isEmpty();
    }

    /**
     * The client application whose bearer token came with the login (the ECE Login node sends one),
     * else null. A bearer that is not a live token of this tenant is a 401.
     */
    private String clientOf(ServerRequest req, Tenant tenant) {
        Optional<String> authorization = Requests.header(req, HeaderNames.AUTHORIZATION);
        if (authorization.isEmpty() || !isBearer(authorization.get())) {
            return null;
        }
        String token = authorization.get().substring(6).trim();
        Optional<AccessToken> valid = core.clients().validate(token).filter(t -> t.tenant().equals(tenant.id()));
        if (valid.isEmpty()) {
            throw new EgainError(401, "client.invalid").header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        return valid.get().clientId();
    }

    private static boolean isBearer(String authorization) {
        return authorization.regionMatches(true, 0, "Bearer", 0, 6)
                && (authorization.length() == 6 || Character.isWhitespace(authorization.charAt(6)));
    }

    private static String boundary(ServerRequest req) {
        try {
            Optional<HttpMediaType> type = req.headers().contentType();
            if (type.isEmpty()) {
                return null;
            }
            for (Map.Entry<String, String> parameter : type.get().parameters().entrySet()) {
                if (parameter.getKey().equalsIgnoreCase("boundary")) {
                    String value = parameter.getValue();
                    return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
                            ? value.substring(1, value.length() - 1) : value;
                }
            }
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
