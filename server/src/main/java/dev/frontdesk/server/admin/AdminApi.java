package dev.frontdesk.server.admin;

import dev.frontdesk.core.Frontdesk;
import static dev.frontdesk.core.admin.AdminPermission.*;

import dev.frontdesk.core.admin.AdminClients;
import dev.frontdesk.core.admin.AdminGrant;
import dev.frontdesk.core.admin.AdminPermission;
import dev.frontdesk.core.admin.AdminRole;
import dev.frontdesk.core.admin.Administrator;
import dev.frontdesk.core.admin.AdministratorStore;
import dev.frontdesk.core.admin.Administrators;
import dev.frontdesk.core.auth.Attempt;
import dev.frontdesk.core.auth.AuthOutcome;
import dev.frontdesk.server.http.BasicCredentials;
import dev.frontdesk.server.http.ConsoleSessionCheck;
import dev.frontdesk.server.http.OriginPolicy;
import dev.frontdesk.core.account.Account;
import dev.frontdesk.core.account.AccountChanges;
import dev.frontdesk.core.account.AccountQuery;
import dev.frontdesk.core.account.AccountStore;
import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.account.NewAccount;
import dev.frontdesk.core.audit.AuditQuery;
import dev.frontdesk.core.audit.AuditType;
import dev.frontdesk.core.client.ClientStore;
import dev.frontdesk.core.client.NewClient;
import dev.frontdesk.core.session.EndReason;
import dev.frontdesk.core.session.Session;
import dev.frontdesk.core.support.RequestContext;
import dev.frontdesk.core.support.Validation;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.core.tenant.TenantSettings;
import dev.frontdesk.core.tenant.Tenants;
import dev.frontdesk.server.http.BadRequest;
import dev.frontdesk.server.http.JsonBodies;
import dev.frontdesk.server.http.QrCodes;
import dev.frontdesk.server.http.Requests;
import dev.frontdesk.server.http.Responses;
import dev.frontdesk.server.json.Json;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin REST API under {@code /admin/api/v1}: a stable contract (see README). Every request is
 * authenticated first (Basic, a console session, or an admin-scoped bearer token) into a
 * {@link Caller}; every route then names the one permission it needs ({@link #routing}), which the
 * caller's role grants or not. Everything done here is audited with the caller's name as actor.
 */
public final class AdminApi implements HttpService {
    private static final Set<String> ACCOUNT_PATCH_FIELDS = Set.of("email", "firstName", "lastName",
            "idleTimeoutSeconds", "accessRights", "segments", "enabled", "properties");

    private final Frontdesk core;
    private final Requests requests;
    private final Administrators administrators;
    private final AdminClients adminClients;
    private final ConsoleSessionCheck consoleSessions;

    public AdminApi(Frontdesk core, Requests requests, Administrators administrators, AdminClients adminClients,
                    ConsoleSessionCheck consoleSessions) {
        this.core = core;
        this.requests = requests;
        this.administrators = administrators;
        this.adminClients = adminClients;
        this.consoleSessions = consoleSessions;
    }

    /**
     * Every route with the permission it needs: the one authorization table. A tenant-admin is further
     * held to its tenants by the {@code {t}} in the path; {@link #patchAccount} alone asks for more
     * than its route's permission when the change is more than enabling or disabling.
     */
    @Override
    public void routing(HttpRules rules) {
        rules.any(this::authenticate)
                .get("/me", allow(SELF, this::me))
                .post("/me/totp", allow(SELF, this::beginTotp))
                .put("/me/totp", allow(SELF, this::confirmTotp))
                .post("/me/recovery-codes", allow(SELF, this::newRecoveryCodes))
                .post("/me/passkeys/options", allow(SELF, this::passkeyOptions))
                .post("/me/passkeys", allow(SELF, this::addPasskey))
                .post("/administrators", allow(ADMINISTRATORS_MANAGE, this::createAdministrator))
                .get("/administrators", allow(ADMINISTRATORS_READ, this::listAdministrators))
                .get("/administrators/{username}", allow(ADMINISTRATORS_READ, this::getAdministrator))
                .patch("/administrators/{username}", allow(ADMINISTRATORS_MANAGE, this::patchAdministrator))
                .delete("/administrators/{username}", allow(ADMINISTRATORS_MANAGE, this::deleteAdministrator))
                .delete("/administrators/{username}/second-factors",
                        allow(ADMINISTRATORS_MANAGE, this::removeSecondFactors))
                .get("/events", allow(SERVER_EVENTS_READ, this::listServerEvents))
                .get("/tenants", allow(TENANTS_READ, this::listTenants))
                .put("/tenants/{t}", allow(TENANTS_WRITE, this::putTenant))
                .get("/tenants/{t}", allow(TENANTS_READ, this::getTenant))
                .patch("/tenants/{t}/settings", allow(TENANTS_WRITE, this::patchSettings))
                .post("/tenants/{t}/accounts", allow(ACCOUNTS_WRITE, this::createAccount))
                .get("/tenants/{t}/accounts", allow(ACCOUNTS_READ, this::listAccounts))
                .get("/tenants/{t}/accounts/{id}", allow(ACCOUNTS_READ, this::getAccount))
                .patch("/tenants/{t}/accounts/{id}", allow(ACCOUNT_ENABLE, this::patchAccount))
                .delete("/tenants/{t}/accounts/{id}", allow(ACCOUNTS_WRITE, this::deleteAccount))
                .put("/tenants/{t}/accounts/{id}/password", allow(ACCOUNT_PASSWORD_RESET, this::setPassword))
                .post("/tenants/{t}/clients", allow(CLIENTS_WRITE, this::createClient))
                .get("/tenants/{t}/clients", allow(CLIENTS_READ, this::listClients))
                .get("/tenants/{t}/clients/{clientId}", allow(CLIENTS_READ, this::getClient))
                .delete("/tenants/{t}/clients/{clientId}", allow(CLIENTS_WRITE, this::deleteClient))
                .get("/tenants/{t}/sessions", allow(SESSIONS_READ, this::listSessions))
                .delete("/tenants/{t}/sessions/{ref}", allow(SESSIONS_END, this::endSession))
                .delete("/tenants/{t}/sessions", allow(SESSIONS_END, this::endSessionsOfUser))
                .get("/tenants/{t}/events", allow(EVENTS_READ, this::listEvents))
                .get("/tenants/{t}/gateway/rules", allow(TENANTS_READ, this::getGatewayRules))
                .put("/tenants/{t}/gateway/rules", allow(TENANTS_WRITE, this::putGatewayRules));
    }

    /** The handler, run only when the caller's role allows {@code permission} (for the path's tenant). */
    private static Handler allow(AdminPermission permission, Handler handler) {
        return (req, res) -> {
            String tenant = req.path().pathParameters().first("t").orElse(null);
            if (!caller(req).may(permission, tenant)) {
                forbidden(res);
                return;
            }
            handler.handle(req, res);
        };
    }

    private static void forbidden(ServerResponse res) {
        Responses.error(res, 403, "forbidden", null);
    }

    private static Caller caller(ServerRequest req) {
        return req.context().get(Caller.class).orElseThrow(() -> new IllegalStateException("no caller"));
    }

    private void authenticate(ServerRequest req, ServerResponse res) {
        Optional<String> bearer = Requests.bearerToken(req);
        if (bearer.isPresent()) {
            switch (adminClients.check(bearer.get())) {
                case AdminClients.BearerCheck.Granted g -> {
                    AdminGrant grant = g.grant();
                    req.context().register(new Caller(grant.actorName(), null, grant.role(), grant.tenants(), false));
                    res.next();
                }
                case AdminClients.BearerCheck.NotAdminScoped n -> {
                    res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", scope=\"admin\"");
                    Responses.error(res, 403, "insufficient_scope", null);
                }
                case AdminClients.BearerCheck.Invalid i -> {
                    res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
                    Responses.error(res, 401, "invalid_token", null);
                }
            }
            return;
        }
        Optional<BasicCredentials> basic = Requests.basic(req);
        if (basic.isPresent()) {
            switch (administrators.authenticateBasic(basic.get().user(), basic.get().password(),
                    requests.context(req, "admin"))) {
                case AuthOutcome.Accepted<Administrator> a -> {
                    proceed(req, res, a.who(), a.who().isBootstrap());
                    return;
                }
                case AuthOutcome.Throttled<Administrator> t ->
                        res.header(HeaderNames.RETRY_AFTER, String.valueOf(Math.max(1, t.retryAfter().toSeconds())));
                default -> {
                }
            }
        }
        ConsoleSessionCheck.Check check = consoleSessions.check(req);
        switch (check.verdict()) {
            case ACCEPTED -> {
                Optional<Administrator> admin = administrators.find(check.administrator());
                if (admin.isPresent()) {
                    proceed(req, res, admin.get(), false);
                    return;
                }
                Responses.error(res, 401, "unauthorized", null); // deleted since signing in
                return;
            }
            case FORBIDDEN -> {
                Responses.error(res, 403, "csrf_token_invalid", null);
                return;
            }
            case EXPIRED -> {
                // no Basic challenge: the browser would answer it with a password prompt of its own
                Responses.error(res, 401, "unauthorized", null);
                return;
            }
            case ABSENT -> {
                // judged by Basic alone, as before
            }
        }
        res.header(HeaderNames.WWW_AUTHENTICATE, "Basic realm=\"frontdesk-admin\", charset=\"UTF-8\"");
        Responses.error(res, 401, "unauthorized", null);
    }

    /**
     * Lets the request through as {@code admin}. When a second factor is required and the administrator
     * has none yet, only its own enrolment is open to it, except through the bootstrap owner's Basic
     * break-glass path, which the deployment keeps on purpose.
     */
    private void proceed(ServerRequest req, ServerResponse res, Administrator admin, boolean breakGlass) {
        boolean enrolmentOnly = !breakGlass && !admin.hasSecondFactor()
                && administrators.policy().secondFactorRequired();
        req.context().register(Caller.of(admin, enrolmentOnly));
        res.next();
    }

    // ---- the caller and administrators ------------------------------------------------------------

    private void me(ServerRequest req, ServerResponse res) {
        Caller caller = caller(req);
        Map<String, Object> view = new java.util.LinkedHashMap<>(AdminViews.administrator(caller.administrator()));
        view.put("permissions", caller.enrolmentOnly() ? List.of(SELF.wireName())
                : caller.role().permissions().stream().map(AdminPermission::wireName).toList());
        view.put("enrolmentRequired", caller.enrolmentOnly());
        view.put("recoveryCodesLeft", administrators.recoveryCodesLeft(caller.name()));
        view.put("passkeys", caller.administrator().passkeys());
        Responses.json(res, 200, view);
    }

    private void beginTotp(ServerRequest req, ServerResponse res) {
        dev.frontdesk.core.credential.TotpEnrolment enrolment = administrators.beginTotp(caller(req).name(), actor(req));
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("secret", enrolment.secret());
        view.put("otpauthUri", enrolment.uri());
        view.put("qrCode", QrCodes.svgDataUri(enrolment.uri()));
        Responses.json(res, 201, view);
    }

    private void confirmTotp(ServerRequest req, ServerResponse res) {
        AdminRequests.CodeBody body = JsonBodies.read(requests.body(req), AdminRequests.CodeBody.class);
        switch (administrators.confirmTotp(caller(req).name(), body.code(), actor(req))) {
            case Administrators.Confirmation.Enrolled e -> Responses.json(res, 200, Map.of("recoveryCodes", e.recoveryCodes()));
            case Administrators.Confirmation.NothingPending n ->
                    Responses.error(res, 409, "start the enrolment first (POST /me/totp)", null);
            case Administrators.Confirmation.WrongCode w -> Responses.error(res, 400, "wrong code", "code");
            case Administrators.Confirmation.Throttled t -> {
                res.header(HeaderNames.RETRY_AFTER, String.valueOf(Math.max(1, t.retryAfter().toSeconds())));
                Responses.error(res, 429, "too_many_attempts", null);
            }
        }
    }

    /** PublicKeyCredentialCreationOptions for navigator.credentials.create (binary values base64url). */
    private void passkeyOptions(ServerRequest req, ServerResponse res) {
        Administrators.PasskeyCreation creation = administrators.beginPasskey(caller(req).name());
        var rp = requests.relyingParty(req);
        Map<String, Object> options = new java.util.LinkedHashMap<>();
        options.put("challenge", B64.encodeToString(creation.challenge()));
        options.put("rp", Map.of("id", rp.rpId(), "name", "Frontdesk"));
        options.put("user", Map.of("id", B64.encodeToString(creation.userHandle()), "name", creation.username(),
                "displayName", creation.username()));
        options.put("pubKeyCredParams", List.of(Map.of("type", "public-key", "alg", -7),
                Map.of("type", "public-key", "alg", -257)));
        options.put("excludeCredentials", creation.existing().stream()
                .map(id -> Map.of("type", "public-key", "id", id)).toList());
        options.put("authenticatorSelection", Map.of("residentKey", "required", "userVerification", "required"));
        options.put("attestation", "none");
        options.put("timeout", Administrators.CHALLENGE_LIFETIME.toMillis());
        Responses.json(res, 200, options);
    }

    private void addPasskey(ServerRequest req, ServerResponse res) {
        AdminRequests.PasskeyBody body = JsonBodies.read(requests.body(req), AdminRequests.PasskeyBody.class);
        boolean added = administrators.finishPasskey(caller(req).name(), bytes(body.clientDataJSON(), "clientDataJSON"),
                bytes(body.attestationObject(), "attestationObject"), requests.relyingParty(req), actor(req));
        if (!added) {
            Responses.error(res, 400, "passkey_refused", null);
            return;
        }
        res.status(201).send();
    }

    private static final java.util.Base64.Encoder B64 = java.util.Base64.getUrlEncoder().withoutPadding();

    private static byte[] bytes(String base64url, String field) {
        try {
            Validation.requireText(base64url, field);
            return java.util.Base64.getUrlDecoder().decode(base64url);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(field + " must be base64url", field);
        }
    }

    private void newRecoveryCodes(ServerRequest req, ServerResponse res) {
        Responses.json(res, 200, Map.of("recoveryCodes",
                administrators.regenerateRecoveryCodes(caller(req).name(), actor(req))));
    }

    private void createAdministrator(ServerRequest req, ServerResponse res) {
        AdminRequests.AdministratorBody body = JsonBodies.read(requests.body(req), AdminRequests.AdministratorBody.class);
        Validation.requireText(body.role(), "role");
        try {
            Administrator created = administrators.create(body.username(), body.password(), AdminRole.fromWire(body.role()),
                    body.tenants() == null ? Set.of() : Set.copyOf(body.tenants()), actor(req));
            Responses.json(res, 201, AdminViews.administrator(created));
        } catch (AdministratorStore.DuplicateAdministrator e) {
            Responses.error(res, 409, "username already exists", "username");
        }
    }

    private void listAdministrators(ServerRequest req, ServerResponse res) {
        Responses.json(res, 200, administrators.all().stream().map(AdminViews::administrator).toList());
    }

    private void getAdministrator(ServerRequest req, ServerResponse res) {
        Responses.json(res, 200, AdminViews.administrator(administrator(req)));
    }

    private void patchAdministrator(ServerRequest req, ServerResponse res) {
        Administrator current = administrator(req);
        AdminRequests.AdministratorPatch body = JsonBodies.read(requests.body(req), AdminRequests.AdministratorPatch.class);
        Administrator updated = administrators.update(current.username(),
                body.role() == null ? null : AdminRole.fromWire(body.role()),
                body.tenants() == null ? null : Set.copyOf(body.tenants()), body.password(), actor(req))
                .orElseThrow(() -> new NotFound("administrator"));
        Responses.json(res, 200, AdminViews.administrator(updated));
    }

    private void deleteAdministrator(ServerRequest req, ServerResponse res) {
        if (!administrators.delete(administrator(req).username(), actor(req))) {
            throw new NotFound("administrator");
        }
        res.status(204).send();
    }

    private void removeSecondFactors(ServerRequest req, ServerResponse res) {
        administrators.removeSecondFactors(administrator(req).username(), actor(req));
        res.status(204).send();
    }

    private void listServerEvents(ServerRequest req, ServerResponse res) {
        Responses.json(res, 200, events(req, Attempt.ADMIN_SCOPE));
    }

    private Administrator administrator(ServerRequest req) {
        return administrators.find(req.path().pathParameters().get("username"))
                .orElseThrow(() -> new NotFound("administrator"));
    }

    private void listTenants(ServerRequest req, ServerResponse res) {
        Caller caller = caller(req);
        Responses.json(res, 200, core.tenants().all().stream().filter(t -> caller.seesTenant(t.id()))
                .map(AdminViews::tenant).toList());
    }

    private void getTenant(ServerRequest req, ServerResponse res) {
        Responses.json(res, 200, AdminViews.tenant(tenant(req)));
    }

    private void putTenant(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("t");
        AdminRequests.TenantBody body = JsonBodies.read(requests.body(req), AdminRequests.TenantBody.class);
        if (body.settings() != null && !body.settings().isObject()) {
            throw new BadRequest("settings must be an object", "settings");
        }
        boolean existed = core.tenants().find(id).isPresent();
        TenantSettings settings = mergeSettings(TenantSettings.defaults(), body.settings());
        Tenant tenant = validated(() -> new Tenant(id, body.hosts(), settings));
        validated(() -> {
            core.tenants().save(tenant);
            return tenant;
        });
        audit(req, id, (existed ? "tenant replaced: " : "tenant created: ") + id);
        Responses.json(res, existed ? 200 : 201, AdminViews.tenant(tenant));
    }

    private void patchSettings(ServerRequest req, ServerResponse res) {
        Tenant current = tenant(req);
        JsonNode patch = JsonBodies.tree(requests.body(req));
        if (!patch.isObject()) {
            throw new BadRequest("settings must be a JSON object", null);
        }
        TenantSettings merged = mergeSettings(current.settings(), patch);
        Tenant updated = new Tenant(current.id(), current.hosts(), merged);
        core.tenants().save(updated);
        audit(req, current.id(), "tenant settings changed: " + String.join(",", patch.propertyNames()));
        Responses.json(res, 200, AdminViews.tenant(updated));
    }

    private void createAccount(ServerRequest req, ServerResponse res) {
        Tenant tenant = tenant(req);
        AdminRequests.AccountBody body = JsonBodies.read(requests.body(req), AdminRequests.AccountBody.class);
        Validation.requireText(body.username(), "username");
        if (body.passwordHash() == null) {
            Validation.requireText(body.password(), "password");
        } else if (body.password() != null) {
            throw new BadRequest("give password or passwordHash, not both", "passwordHash");
        }
        Validation.requireText(body.type(), "type");
        NewAccount request = new NewAccount(body.username(), body.password(), AccountType.fromWire(body.type()),
                body.email(), body.firstName(), body.lastName(), body.idleTimeoutSeconds(), body.accessRights(),
                body.segments(), body.enabled() == null || body.enabled(), body.properties(), body.passwordHash());
        try {
            Account account = core.accounts().create(tenant.id(), request, actor(req));
            Responses.json(res, 201, AdminViews.account(account));
        } catch (AccountStore.DuplicateUsername e) {
            Responses.error(res, 409, "username already exists", "username");
        }
    }

    private void listAccounts(ServerRequest req, ServerResponse res) {
        Tenant tenant = tenant(req);
        String username = req.query().first("username").orElse(null);
        AccountType type = req.query().first("type").asOptional().map(AccountType::fromWire).orElse(null);
        int limit = intParam(req, "limit", 1000);
        Responses.json(res, 200, core.accounts().search(tenant.id(), new AccountQuery(username, type, limit))
                .stream().map(AdminViews::account).toList());
    }

    private void getAccount(ServerRequest req, ServerResponse res) {
        Responses.json(res, 200, AdminViews.account(account(req)));
    }

    private void patchAccount(ServerRequest req, ServerResponse res) {
        Account account = account(req);
        JsonNode patch = JsonBodies.tree(requests.body(req));
        if (!patch.isObject()) {
            throw new BadRequest("request body must be a JSON object", null);
        }
        for (String name : patch.propertyNames()) {
            if (!ACCOUNT_PATCH_FIELDS.contains(name)) {
                throw new BadRequest("unknown or read-only field: " + name, name);
            }
        }
        if (!Set.of("enabled").containsAll(patch.propertyNames())
                && !caller(req).may(ACCOUNTS_WRITE, account.tenant())) {
            forbidden(res); // enabling or disabling is all the route's own permission grants
            return;
        }
        AccountChanges changes = new AccountChanges(
                optionalText(patch, "email"), optionalText(patch, "firstName"), optionalText(patch, "lastName"),
                patch.has("idleTimeoutSeconds")
                        ? Optional.of(Optional.ofNullable(typed(patch, "idleTimeoutSeconds", Long.class)))
                        : Optional.empty(),
                optionalList(patch, "accessRights"), optionalList(patch, "segments"),
                patch.has("enabled") ? Optional.of(required(patch, "enabled", Boolean.class)) : Optional.empty(),
                patch.has("properties")
                        ? Optional.of(Json.MAPPER.convertValue(required(patch, "properties", ObjectNode.class), STRING_MAP))
                        : Optional.empty());
        Account updated = validated(() -> core.accounts().update(account.tenant(), account.id(), changes, actor(req)))
                .orElseThrow(() -> new NotFound("account"));
        Responses.json(res, 200, AdminViews.account(updated));
    }

    private void deleteAccount(ServerRequest req, ServerResponse res) {
        Account account = account(req);
        core.accounts().delete(account.tenant(), account.id(), actor(req));
        res.status(204).send();
    }

    private void setPassword(ServerRequest req, ServerResponse res) {
        Account account = account(req);
        AdminRequests.PasswordBody body = JsonBodies.read(requests.body(req), AdminRequests.PasswordBody.class);
        Validation.requireText(body.password(), "password");
        core.accounts().setPassword(account.tenant(), account.id(), body.password(), actor(req));
        res.status(204).send();
    }

    private void createClient(ServerRequest req, ServerResponse res) {
        Tenant tenant = tenant(req);
        AdminRequests.ClientBody body = JsonBodies.read(requests.body(req), AdminRequests.ClientBody.class);
        Validation.requireText(body.clientId(), "clientId");
        AdminGrant grant = null;
        if (body.adminRole() != null) {
            // a client acting as an administrator is an administrator: only who manages administrators makes one
            if (!caller(req).may(ADMINISTRATORS_MANAGE, null)) {
                forbidden(res);
                return;
            }
            if (!tenant.id().equals(Tenant.DEFAULT)) {
                throw new BadRequest("only clients of the default tenant may have an adminRole", "adminRole");
            }
            grant = new AdminGrant(body.clientId(), AdminRole.fromWire(body.adminRole()),
                    body.tenants() == null ? Set.of() : Set.copyOf(body.tenants()));
        } else if (body.tenants() != null) {
            throw new BadRequest("tenants go with an adminRole", "tenants");
        }
        try {
            NewClient created = core.clients().register(tenant.id(), body.clientId(), body.clientSecret(), body.name(),
                    actor(req));
            if (grant != null) {
                adminClients.grant(grant, actor(req));
            }
            Map<String, Object> view = new java.util.LinkedHashMap<>(clientView(created.client()));
            view.put("clientSecret", created.clientSecret());
            Responses.json(res, 201, view);
        } catch (ClientStore.DuplicateClient e) {
            Responses.error(res, 409, "clientId already exists", "clientId");
        }
    }

    private Map<String, Object> clientView(dev.frontdesk.core.client.ClientApp client) {
        Map<String, Object> view = new java.util.LinkedHashMap<>(AdminViews.client(client));
        adminClients.grantOf(client.tenant(), client.clientId()).ifPresent(g -> {
            view.put("adminRole", g.role().wireName());
            view.put("tenants", g.tenants().stream().sorted().toList());
        });
        return view;
    }

    private void listClients(ServerRequest req, ServerResponse res) {
        Responses.json(res, 200, core.clients().all(tenant(req).id()).stream().map(this::clientView).toList());
    }

    private void getClient(ServerRequest req, ServerResponse res) {
        String clientId = req.path().pathParameters().get("clientId");
        Responses.json(res, 200, clientView(core.clients().find(tenant(req).id(), clientId)
                .orElseThrow(() -> new NotFound("client"))));
    }

    private void deleteClient(ServerRequest req, ServerResponse res) {
        String clientId = req.path().pathParameters().get("clientId");
        String tenant = tenant(req).id();
        if (adminClients.grantOf(tenant, clientId).isPresent() && !caller(req).may(ADMINISTRATORS_MANAGE, null)) {
            forbidden(res);
            return;
        }
        if (!core.clients().delete(tenant, clientId, actor(req))) {
            throw new NotFound("client");
        }
        adminClients.revokeGrant(tenant, clientId);
        res.status(204).send();
    }

    private void listSessions(ServerRequest req, ServerResponse res) {
        Tenant tenant = tenant(req);
        String username = req.query().first("username").orElse(null);
        String channel = req.query().first("channel").orElse(null);
        // one user's sessions come from the account's index, never from a scan of the tenant
        List<Session> sessions = username == null ? core.sessions().list(tenant.id(), null, channel)
                : core.accounts().findByUsername(tenant.id(), username)
                        .map(account -> core.sessions().listOf(account.id(), channel)).orElse(List.of());
        Responses.json(res, 200, sessions.stream().map(AdminViews::session).toList());
    }

    private void endSession(ServerRequest req, ServerResponse res) {
        Tenant tenant = tenant(req);
        String ref = req.path().pathParameters().get("ref");
        if (!core.sessions().endByRef(tenant.id(), ref, EndReason.ENDED_BY_ADMIN, actor(req))) {
            throw new NotFound("session");
        }
        res.status(204).send();
    }

    private void endSessionsOfUser(ServerRequest req, ServerResponse res) {
        Tenant tenant = tenant(req);
        String username = req.query().first("username").orElseThrow(
                () -> new BadRequest("query parameter username is required", "username"));
        Account account = core.accounts().findByUsername(tenant.id(), username)
                .orElseThrow(() -> new NotFound("account"));
        int ended = core.sessions().endAllOf(account.id(), EndReason.ENDED_BY_ADMIN, actor(req));
        Responses.json(res, 200, Map.of("ended", ended));
    }

    private void listEvents(ServerRequest req, ServerResponse res) {
        Responses.json(res, 200, events(req, tenant(req).id()));
    }

    private List<Map<String, Object>> events(ServerRequest req, String scope) {
        AuditType type = req.query().first("type").asOptional().map(t -> AuditType.fromWire(t)
                .orElseThrow(() -> new BadRequest("unknown event type: " + t, "type"))).orElse(null);
        String username = req.query().first("username").orElse(null);
        Instant since = instantParam(req, "since");
        Instant until = instantParam(req, "until");
        int limit = intParam(req, "limit", 100);
        return core.audit().log().query(new AuditQuery(scope, type, username, since, until, limit))
                .stream().map(AdminViews::event).toList();
    }

    private void getGatewayRules(ServerRequest req, ServerResponse res) {
        Responses.json(res, 200, GatewayRuleBodies.views(core.gatewayRules().of(tenant(req).id())));
    }

    private void putGatewayRules(ServerRequest req, ServerResponse res) {
        String tenant = tenant(req).id();
        var rules = GatewayRuleBodies.read(requests.body(req));
        core.gatewayRules().replace(tenant, rules);
        audit(req, tenant, "gateway rules replaced: " + rules.size() + " rules");
        Responses.json(res, 200, GatewayRuleBodies.views(core.gatewayRules().of(tenant)));
    }

    private Tenant tenant(ServerRequest req) {
        String id = req.path().pathParameters().get("t");
        return core.tenants().find(id).orElseThrow(() -> new NotFound("tenant"));
    }

    private Account account(ServerRequest req) {
        Tenant tenant = tenant(req);
        String id = req.path().pathParameters().get("id");
        return core.accounts().find(tenant.id(), id).orElseThrow(() -> new NotFound("account"));
    }

    private RequestContext actor(ServerRequest req) {
        RequestContext context = requests.context(req, "admin");
        return new RequestContext("admin", context.clientIp(), context.userAgent(), caller(req).name());
    }

    private void audit(ServerRequest req, String tenant, String detail) {
        core.audit().record(AuditType.ADMIN_CHANGE, tenant, null, actor(req), detail);
    }

    /** Deep-merges a JSON patch over settings; the result is validated by the settings record. */
    private static TenantSettings mergeSettings(TenantSettings base, JsonNode patch) {
        ObjectNode tree = Json.MAPPER.valueToTree(base);
        if (patch != null && !patch.isNull()) {
            merge(tree, (ObjectNode) patch);
        }
        TenantSettings merged = JsonBodies.convert(tree, TenantSettings.class);
        OriginPolicy.validate(merged.corsAllowedOrigins());
        return merged;
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> entry : patch.properties()) {
            JsonNode existing = target.get(entry.getKey());
            if (existing instanceof ObjectNode existingObject && entry.getValue() instanceof ObjectNode patchObject) {
                merge(existingObject, patchObject);
            } else {
                target.set(entry.getKey(), entry.getValue());
            }
        }
    }

    private static final tools.jackson.core.type.TypeReference<Map<String, String>> STRING_MAP =
            new tools.jackson.core.type.TypeReference<>() {
            };
    private static final tools.jackson.core.type.TypeReference<List<String>> STRING_LIST =
            new tools.jackson.core.type.TypeReference<>() {
            };

    private static Optional<String> optionalText(JsonNode node, String field) {
        if (!node.has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isNull() && !value.isString()) {
            throw new BadRequest("wrong type or value for " + field, field);
        }
        return Optional.ofNullable(value.isNull() ? null : value.asString());
    }

    private static Optional<List<String>> optionalList(JsonNode node, String field) {
        if (!node.has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isArray()) {
            throw new BadRequest("wrong type or value for " + field, field);
        }
        value.forEach(v -> {
            if (!v.isString()) {
                throw new BadRequest("wrong type or value for " + field, field);
            }
        });
        return Optional.of(Json.MAPPER.convertValue(value, STRING_LIST));
    }

    private static <T> T typed(JsonNode node, String field, Class<T> type) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        boolean ok = (type == Long.class && value.isIntegralNumber()) || (type == Boolean.class && value.isBoolean())
                || (type == ObjectNode.class && value.isObject());
        if (!ok) {
            throw new BadRequest("wrong type or value for " + field, field);
        }
        return Json.MAPPER.convertValue(value, type);
    }

    private static <T> T required(JsonNode node, String field, Class<T> type) {
        T value = typed(node, field, type);
        if (value == null) {
            throw new BadRequest(field + " must not be null", field);
        }
        return value;
    }

    private static int intParam(ServerRequest req, String name, int fallback) {
        Optional<String> value = req.query().first(name).asOptional();
        try {
            return value.map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a number", name);
        }
    }

    private static Instant instantParam(ServerRequest req, String name) {
        Optional<String> value = req.query().first(name).asOptional();
        try {
            return value.map(Instant::parse).orElse(null);
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + " must be an ISO-8601 instant", name);
        }
    }

    private static <T> T validated(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (Validation e) {
            throw new BadRequest(e.getMessage(), e.field());
        }
    }

    /** An unknown tenant, account, client or session: 404. */
    public static final class NotFound extends RuntimeException {
        public NotFound(String what) {
            super("unknown " + what, null, false, false);
        }
    }
}
