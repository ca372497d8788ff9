package dev.frontdesk.server.nativeapi;

import dev.frontdesk.core.Frontdesk;
import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.client.AccessToken;
import dev.frontdesk.core.login.LoginRequest;
import dev.frontdesk.core.login.LoginResult;
import dev.frontdesk.core.session.EndReason;
import dev.frontdesk.core.session.Session;
import dev.frontdesk.core.session.SessionRequest;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.server.http.BadRequest;
import dev.frontdesk.server.http.JsonBodies;
import dev.frontdesk.server.http.Requests;
import dev.frontdesk.server.http.Responses;
import dev.frontdesk.server.json.Json;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Frontdesk's own JSON dialect: login, session check, logout, and RFC 7662-style introspection for
 * resource servers.
 */
public final class NativeApi implements HttpService {
    public static final String CHANNEL = "native";

    private final Frontdesk core;
    private final Requests requests;

    public NativeApi(Frontdesk core, Requests requests) {
        this.core = core;
        this.requests = requests;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/api/v1/login", this::login)
                .get("/api/v1/session", this::session)
                .delete("/api/v1/session", this::logout)
                .post("/api/v1/introspect", this::introspect);
    }

    private static final byte[] INACTIVE = Json.bytes(Map.of("active", false));

    record LoginBody(String username, String password, Boolean force) {
    }

    record IntrospectBody(String session) {
    }

    private void login(ServerRequest req, ServerResponse res) {
        requireJson(req);
        LoginBody body = JsonBodies.read(requests.body(req), LoginBody.class);
        if (body.username() == null || body.username().isBlank()) {
            throw new BadRequest("username is required", "username");
        }
        if (body.password() == null) {
            throw new BadRequest("password is required", "password");
        }
        Tenant tenant = requests.tenant(req);
        SessionRequest session = SessionRequest.of(requests.context(req, CHANNEL), Boolean.TRUE.equals(body.force()));
        LoginResult result = core.logins().login(new LoginRequest(tenant.id(), body.username(), body.password(),
                Set.of(AccountType.AGENT, AccountType.CUSTOMER), session));
        switch (result) {
            case LoginResult.Success s -> {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("session", s.sessionId());
                view.put("expiresAt", s.session().expiresAt().toString());
                view.put("idleTimeoutSeconds", s.session().idleTimeout().toSeconds());
                Responses.json(res, 201, view);
            }
            case LoginResult.BadCredentials b -> Responses.error(res, 401, "invalid_credentials", null);
            case LoginResult.Throttled t -> {
                res.header(HeaderNames.RETRY_AFTER, String.valueOf(Math.max(1, t.retryAfter().toSeconds())));
                Responses.error(res, 401, "invalid_credentials", null);
            }
            case LoginResult.SessionLimitReached l -> Responses.error(res, 403, "session_limit", null);
            case LoginResult.LicensesExhausted l -> Responses.error(res, 403, "licenses_exhausted", null);
        }
    }

    private void session(ServerRequest req, ServerResponse res) {
        Optional<Session> session = presentedSessionId(req).flatMap(core.sessions()::validate);
        if (session.isEmpty()) {
            Responses.error(res, 401, "invalid_session", null);
            return;
        }
        Responses.json(res, 200, describe(session.get(), false));
    }

    private void logout(ServerRequest req, ServerResponse res) {
        Optional<String> id = presentedSessionId(req);
        if (id.isEmpty() || core.sessions().end(id.get(), EndReason.LOGOUT, requests.context(req, CHANNEL)).isEmpty()) {
            Responses.error(res, 401, "invalid_session", null);
            return;
        }
        res.status(204).send();
    }

    private void introspect(ServerRequest req, ServerResponse res) {
        Optional<AccessToken> client = Requests.bearerToken(req).flatMap(core.clients()::validate);
        if (client.isEmpty()) {
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            Responses.error(res, 401, "invalid_token", null);
            return;
        }
        String tenantOfClient = client.get().tenant();
        IntrospectBody body = readIntrospectBody(req);
        Optional<Session> session = core.sessions().validate(body.session());
        Responses.json(res, 200, session.isPresent() && session.get().tenant().equals(tenantOfClient)
                ? describe(session.get(), true) : INACTIVE.clone());
    }

    private IntrospectBody readIntrospectBody(ServerRequest req) {
        byte[] body = requests.body(req);
        if (Requests.mediaType(req).equals("application/x-www-form-urlencoded")) {
            return new IntrospectBody(Requests.form(body).get("session"));
        }
        IntrospectBody parsed = JsonBodies.read(body, IntrospectBody.class);
        if (parsed.session() == null) {
            throw new BadRequest("session is required", "session");
        }
        return parsed;
    }

    /** Written field by field (see {@link Json#object}): this is the validation hot path. */
    private static byte[] describe(Session s, boolean introspection) {
        return Json.object(json -> {
            if (introspection) {
                json.writeBooleanProperty("active", true);
            }
            json.writeStringProperty("tenant", s.tenant());
            json.writeStringProperty("username", s.username());
            json.writeStringProperty("accountType", s.accountType().wireName());
            json.writeStringProperty("channel", s.channel());
            json.writeStringProperty("createdAt", s.createdAt().toString());
            json.writeStringProperty("expiresAt", s.expiresAt().toString());
            if (introspection) {
                json.writeNumberProperty("exp", s.expiresAt().getEpochSecond());
            }
        });
    }

    private static Optional<String> presentedSessionId(ServerRequest req) {
        return Requests.header(req, "X-Session-Token").or(() -> Requests.bearerToken(req));
    }

    private static void requireJson(ServerRequest req) {
        String type = Requests.mediaType(req);
        if (!type.equals("application/json")) {
            throw BadRequest.unsupportedMediaType(type.isEmpty() ? "(none)" : type);
        }
    }
}
