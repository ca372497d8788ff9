package dev.frontdesk.server.admin;

import dev.frontdesk.core.Frontdesk;
import dev.frontdesk.core.admin.Administrators;
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
import dev.frontdesk.core.support.RequestContext;
import dev.frontdesk.core.support.Validation;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.core.tenant.TenantSettings;
import dev.frontdesk.core.tenant.Tenants;
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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The admin REST API under {@code /admin/api/v1}: a stable contract (see README). */
public final class AdminApi implements HttpService {
    private static final Set<String> ACCOUNT_PATCH_FIELDS = Set.of("email", "firstName", "lastName",
            "idleTimeoutSeconds", "accessRights", "segments", "enabled", "properties");

    private final Frontdesk core;
    private final Requests requests;
    private final Administrators administrators;
    private final ConsoleSessionCheck consoleSessions;

    public AdminApi(Frontdesk core, Requests requests, Administrators administrators,
                    ConsoleSessionCheck consoleSessions) {
        this.core = core;
        this.requests = requests;
        this.administrators = administrators;
        this.consoleSessions = consoleSessions;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any(this::authenticate)
                .get("/tenants", this::listTenants)
                .put("/tenants/{t}", this::putTenant)
                .get("/tenants/{t}", this::getTenant)
                .patch("/tenants/{t}/settings", this::patchSettings)
                .post("/tenants/{t}/accounts", this::createAccount)
                .get("/tenants/{t}/accounts", this::listAccounts)
                .get("/tenants/{t}/accounts/{id}", this::getAccount)
                .patch("/tenants/{t}/accounts/{id}", this::patchAccount)
                .delete("/tenants/{t}/accounts/{id}", this::deleteAccount)
                .put("/tenants/{t}/accounts/{id}/password", this::setPassword)
                .post("/tenants/{t}/clients", this::createClient)
                .get("/tenants/{t}/clients", this::listClients)
                .get("/tenants/{t}/clients/{clientId}", this::getClient)
                .delete("/tenants/{t}/clients/{clientId}", this::deleteClient)
                .get("/tenants/{t}/sessions", this::listSessions)
                .delete("/tenants/{t}/sessions/{ref}", this::endSession)
                .delete("/tenants/{t}/sessions", this::endSessionsOfUser)
                .get("/tenants/{t}/events", this::listEvents)
                .get("/tenants/{t}/gateway/rules", this::getGatewayRules)
                .put("/tenants/{t}/gateway/rules", this::putGatewayRules);
    }

    private void authenticate(ServerRequest req, ServerResponse res) {
        Optional<BasicCredentials> basic = Requests.basic(req);
        if (basic.isPresent()) {
            switch (administrators.authenticate(basic.get().user(), basic.get().password(), requests.context(req, "admin"))) {
                case AuthOutcome.Accepted<String> a -> {
                    res.next();
                    return;
                }
                case AuthOutcome.Throttled<String> t ->
                        res.header(HeaderNames.RETRY_AFTER, String.valueOf(Math.max(1, t.retryAfter().toSeconds())));
                default -> {
                }
            }
        }
        switch (consoleSessions.check(req)) {
            case ACCEPTED -> {
                res.next();
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

    private void listTenants(ServerRequest req, ServerResponse res) {
        Responses.json(res, 200, core.tenants().all().stream().map(AdminViews::tenant).toList());
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
        try {
            NewClient created = core.clients().register(tenant.id(), body.clientId(), body.clientSecret(), body.name(),
                    actor(req));
            Map<String, Object> view = new java.util.LinkedHashMap<>(AdminViews.client(created.client()));
            view.put("clientSecret", created.clientSecret());
            Responses.json(res, 201, view);
        } catch (ClientStore.DuplicateClient e) {
            Responses.error(res, 409, "clientId already exists", "clientId");
        }
    }

    private void listClients(ServerRequest req, ServerResponse res) {
        Responses.json(res, 200, core.clients().all(tenant(req).id()).stream().map(AdminViews::client).toList());
    }

    private void getClient(ServerRequest req, ServerResponse res) {
        String clientId = req.path().pathParameters().get("clientId");
        Responses.json(res, 200, AdminViews.client(core.clients().find(tenant(req).id(), clientId)
                .orElseThrow(() -> new NotFound("client"))));
    }

    private void deleteClient(ServerRequest req, ServerResponse res) {
        String clientId = req.path().pathParameters().get("clientId");
        if (!core.clients().delete(tenant(req).id(), clientId, actor(req))) {
            throw new NotFound("client");
        }
        res.status(204).send();
    }

    private void listSessions(ServerRequest req, ServerResponse res) {
        Tenant tenant = tenant(req);
        String username = req.query().first("username").orElse(null);
        String channel = req.query().first("channel").orElse(null);
        Responses.json(res, 200, core.sessions().list(tenant.id(), username, channel).stream()
                .map(AdminViews::session).toList());
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
        Tenant tenant = tenant(req);
        AuditType type = req.query().first("type").asOptional().map(t -> AuditType.fromWire(t)
                .orElseThrow(() -> new BadRequest("unknown event type: " + t, "type"))).orElse(null);
        String username = req.query().first("username").orElse(null);
        Instant since = instantParam(req, "since");
        Instant until = instantParam(req, "until");
        int limit = intParam(req, "limit", 100);
        Responses.json(res, 200, core.audit().log().query(new AuditQuery(tenant.id(), type, username, since, until, limit))
                .stream().map(AdminViews::event).toList());
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
        return new RequestContext("admin", context.clientIp(), context.userAgent(), Administrators.BOOTSTRAP);
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
