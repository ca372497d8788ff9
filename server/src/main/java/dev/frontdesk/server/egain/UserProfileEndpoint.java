package dev.frontdesk.server.egain;

import dev.frontdesk.core.Frontdesk;
import dev.frontdesk.core.account.Account;
import dev.frontdesk.core.account.AccountType;
import dev.frontdesk.core.session.Session;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.core.tenant.TenantSettings;
import dev.frontdesk.server.http.Requests;
import dev.frontdesk.server.json.Json;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /ws/v{12..21}/administration/user/login/{loginId}[?$attribute=all|a,b]}: the user
 * behind an {@code X-egain-session}, in eGain's user shape ({@code {"user":[{...}]}} or
 * {@code <users><user id=..>}), which eGain single-page apps read right after login for the home
 * department.
 *
 * <p>Who may read whom: the session's own user always; another agent only when the session's account
 * holds the access right {@code admin} or {@code user.view} ({@link #VIEW_OTHERS}); else 403, whether or
 * not that user exists, so the answer names no account to a caller who may not see it. The home
 * department is the account's {@code departmentId}/{@code departmentName} properties (set through the
 * admin API), else the tenant's {@code defaultDepartmentId}/{@code defaultDepartmentName}. Reading a
 * profile counts as use of the session, like any eGain call.
 */
final class UserProfileEndpoint {
    static final Set<String> VIEW_OTHERS = Set.of("admin", "user.view");
    static final String DEPARTMENT_ID = "departmentId";
    static final String DEPARTMENT_NAME = "departmentName";
    private static final List<String> ATTRIBUTES = List.of("id", "loginId", "userName", "firstName", "lastName",
            "emailAddress", "department");
    private static final int MAX_ATTRIBUTE_QUERY = 1024;

    private final Frontdesk core;

    UserProfileEndpoint(Frontdesk core) {
        this.core = core;
    }

    void get(ServerRequest req, ServerResponse res, Exchange exchange, Tenant tenant) {
        Session session = Requests.header(req, EgainDialect.SESSION_HEADER).map(String::trim)
                .flatMap(core.sessions()::validate)
                .filter(s -> s.channel().equals(EgainApi.V12.channel()) && s.accountType() == AccountType.AGENT
                        && s.tenant().equals(tenant.id()))
                .orElseThrow(() -> new EgainError(401, "session.invalid"));
        Account caller = core.accounts().find(tenant.id(), session.accountId()).filter(Account::enabled)
                .orElseThrow(() -> new EgainError(401, "session.invalid"));
        String loginId = EgainDialect.endpoint(req.path().path()).map(EgainDialect.Endpoint::loginId).orElse("");
        Account user;
        if (loginId.equalsIgnoreCase(caller.username())) {
            user = caller;
        } else if (caller.accessRights().stream().anyMatch(VIEW_OTHERS::contains)) {
            user = core.accounts().findByUsername(tenant.id(), loginId).filter(a -> a.type() == AccountType.AGENT)
                    .orElseThrow(() -> new EgainError(404, "user.notFound", loginId));
        } else {
            throw new EgainError(403, "user.forbidden");
        }
        Set<String> wanted = attributes(req);
        Map<String, Object> view = view(user, tenant.settings(), wanted);
        EgainReplies.send(res, 200, exchange.format(), exchange.format() == WireFormat.XML
                ? xml(view, exchange.api().namespace()) : Json.write(Map.of("user", List.of(view))));
    }

    /** {@code $attribute}: absent or {@code all} is every attribute; else the named ones (unknown names are ignored). */
    private static Set<String> attributes(ServerRequest req) {
        List<String> values = req.query().all("$attribute", List::of);
        Set<String> wanted = new LinkedHashSet<>(List.of("id", "loginId"));
        if (values.isEmpty()) {
            return Set.copyOf(ATTRIBUTES);
        }
        for (String value : values) {
            if (value.length() > MAX_ATTRIBUTE_QUERY) {
                throw EgainError.badRequest("request.invalid");
            }
            for (String name : value.split(",")) {
                String trimmed = name.trim();
                if (trimmed.equalsIgnoreCase("all")) {
                    return Set.copyOf(ATTRIBUTES);
                }
                ATTRIBUTES.stream().filter(a -> a.equalsIgnoreCase(trimmed)).findFirst().ifPresent(wanted::add);
            }
        }
        return wanted;
    }

    private static Map<String, Object> view(Account user, TenantSettings settings, Set<String> wanted) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("id", user.id());
        all.put("loginId", user.username());
        all.put("userName", user.username());
        all.put("firstName", Objects.toString(user.firstName(), ""));
        all.put("lastName", Objects.toString(user.lastName(), ""));
        all.put("emailAddress", Objects.toString(user.email(), ""));
        Map<String, Object> department = new LinkedHashMap<>();
        department.put("id", property(user, DEPARTMENT_ID).orElse(settings.defaultDepartmentId()));
        department.put("name", property(user, DEPARTMENT_NAME).orElse(settings.defaultDepartmentName()));
        all.put("department", department);
        Map<String, Object> view = new LinkedHashMap<>();
        all.forEach((name, value) -> {
            if (wanted.contains(name)) {
                view.put(name, value);
            }
        });
        return view;
    }

    private static Optional<String> property(Account account, String name) {
        return Optional.ofNullable(account.properties().get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** {@code <users><user id=".."><loginId>..</loginId>..<department id=".."><name>..</name></department></user></users>}. */
    @SuppressWarnings("unchecked")
    private static String xml(Map<String, Object> view, String namespace) {
        StringBuilder out = new StringBuilder(EgainReplies.XML_DECLARATION);
        out.append("<users xmlns=\"").append(namespace).append("\">\n\t<user id=\"")
                .append(EgainReplies.escape(String.valueOf(view.get("id")))).append("\">\n");
        view.forEach((name, value) -> {
            if (name.equals("id")) {
                return;
            }
            if (value instanceof Map<?, ?> department) {
                Map<String, Object> d = (Map<String, Object>) department;
                out.append("\t\t<department id=\"").append(EgainReplies.escape(String.valueOf(d.get("id"))))
                        .append("\">\n\t\t\t<name>").append(EgainReplies.escape(String.valueOf(d.get("name"))))
                        .append("</name>\n\t\t</department>\n");
            } else {
                out.append("\t\t<").append(name).append('>').append(EgainReplies.escape(String.valueOf(value)))
                        .append("</").append(name).append(">\n");
            }
        });
        return out.append("\t</user>\n</users>").toString();
    }
}
