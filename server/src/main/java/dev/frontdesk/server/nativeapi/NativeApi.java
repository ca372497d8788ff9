package dev.frontdesk.server.nativeapi;

import dev.frontdesk.core.Frontdesk;
import dev.frontdesk.core.account.Account;
import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.auth.AuthOutcome;
import dev.frontdesk.core.credential.TotpEnrolment;
import dev.frontdesk.core.login.SecondStepLogins;
import dev.frontdesk.core.client.AccessToken;
import dev.frontdesk.core.login.LoginRequest;
import dev.frontdesk.core.login.LoginResult;
import dev.frontdesk.core.session.EndReason;
import dev.frontdesk.core.session.Session;
import dev.frontdesk.core.session.SessionRequest;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.server.http.BadRequest;
import dev.frontdesk.server.http.JsonBodies;
import dev.frontdesk.server.http.QrCodes;
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
 * Frontdesk's own JSON dialect: login (with a TOTP second step where the account has or needs one),
 * TOTP enrolment, session check, logout, and RFC 7662-style introspection for resource servers.
 */
public final class NativeApi implements HttpService {
    public static final String CHANNEL = "native";

    private final Frontdesk core;
    private final SecondStepLogins secondStep;
    private final Requests requests;

    public NativeApi(Frontdesk core, SecondStepLogins secondStep, Requests requests) {
        this.core = core;
        this.secondStep = secondStep;
        this.requests = requests;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/api/v1/login", this::login)
                .post("/api/v1/login/mfa", this::loginMfa)
                .post("/api/v1/totp", this::beginTotp)
                .put("/api/v1/totp", this::confirmTotp)
                .get("/api/v1/session", this::session)
                .delete("/api/v1/session", this::logout)
                .post("/api/v1/introspect", this::introspect);
    }

    private static final byte[] INACTIVE = Json.bytes(Map.of("active", false));

    record LoginBody(String username, String password, Boolean force) {
    }

    record IntrospectBody(String session) {
    }

    record MfaBody(String mfaToken, String code, Boolean force) {
        @Override
        public String toString() {
            return "MfaBody[...]";
        }
    }

    record CodeBody(String code) {
        @Override
        public String toString() {
            return "CodeBody[...]";
        }
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
        switch (secondStep.login(new LoginRequest(tenant.id(), body.username(), body.password(),
                Set.of(AccountType.AGENT, AccountType.CUSTOMER), session))) {
            case SecondStepLogins.Start.Finished f -> answer(res, f.result());
            case SecondStepLogins.Start.CodeRequired c -> {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("error", "mfa_required");
                view.put("mfaToken", c.mfaToken());
                view.put("factor", "totp");
                view.put("expiresInSeconds", SecondStepLogins.CHALLENGE_LIFETIME.toSeconds());
                if (c.enrolment() != null) {
                    view.put("enrolment", enrolmentView(c.enrolment()));
                }
                Responses.json(res, 401, view);
            }
        }
    }

    /** The second step: the mfaToken of the first and a TOTP code. */
    private void loginMfa(ServerRequest req, ServerResponse res) {
        requireJson(req);
        MfaBody body = JsonBodies.read(requests.body(req), MfaBody.class);
        if (body.mfaToken() == null || body.mfaToken().isBlank()) {
            throw new BadRequest("mfaToken is required", "mfaToken");
        }
        Tenant tenant = requests.tenant(req);
        SessionRequest session = SessionRequest.of(requests.context(req, CHANNEL), Boolean.TRUE.equals(body.force()));
        switch (secondStep.complete(tenant.id(), body.mfaToken(), body.code(), session)) {
            case SecondStepLogins.Completion.Finished f -> answer(res, f.result());
            case SecondStepLogins.Completion.WrongCode w -> Responses.error(res, 401, "invalid_code", "code");
            case SecondStepLogins.Completion.UnknownChallenge u -> Responses.error(res, 401, "invalid_mfa_token", "mfaToken");
            case SecondStepLogins.Completion.Throttled t -> {
                res.header(HeaderNames.RETRY_AFTER, String.valueOf(Math.max(1, t.retryAfter().toSeconds())));
                Responses.error(res, 401, "invalid_code", "code");
            }
        }
    }

    /** Enrolment by a signed-in account: a new key (pending until confirmed with PUT). */
    private void beginTotp(ServerRequest req, ServerResponse res) {
        Optional<Account> account = sessionAccount(req);
        if (account.isEmpty()) {
            Responses.error(res, 401, "invalid_session", null);
            return;
        }
        Responses.json(res, 201, enrolmentView(secondStep.beginEnrolment(account.get())));
    }

    private void confirmTotp(ServerRequest req, ServerResponse res) {
        requireJson(req);
        Optional<Account> account = sessionAccount(req);
        if (account.isEmpty()) {
            Responses.error(res, 401, "invalid_session", null);
            return;
        }
        CodeBody body = JsonBodies.read(requests.body(req), CodeBody.class);
        switch (secondStep.confirmEnrolment(account.get(), body.code(), requests.context(req, CHANNEL))) {
            case AuthOutcome.Accepted<Account> a -> Responses.json(res, 200, Map.of("totp", true));
            case AuthOutcome.Throttled<Account> t -> {
                res.header(HeaderNames.RETRY_AFTER, String.valueOf(Math.max(1, t.retryAfter().toSeconds())));
                Responses.error(res, 400, "invalid_code", "code");
            }
            default -> Responses.error(res, 400, "invalid_code", "code");
        }
    }

    private Optional<Account> sessionAccount(ServerRequest req) {
        return presentedSessionId(req).flatMap(core.sessions()::validate)
                .flatMap(s -> core.accounts().find(s.tenant(), s.accountId()));
    }

    private static Map<String, Object> enrolmentView(TotpEnrolment enrolment) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("secret", enrolment.secret());
        view.put("otpauthUri", enrolment.uri());
        view.put("qrCode", QrCodes.svgDataUri(enrolment.uri()));
        return view;
    }

    private static void answer(ServerResponse res, LoginResult result) {
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

    static Optional<String> presentedSessionId(ServerRequest req) {
        return Requests.header(req, "X-Session-Token").or(() -> Requests.bearerToken(req));
    }

    private static void requireJson(ServerRequest req) {
        String type = Requests.mediaType(req);
        if (!type.equals("application/json")) {
            throw BadRequest.unsupportedMediaType(type.isEmpty() ? "(none)" : type);
        }
    }
}
