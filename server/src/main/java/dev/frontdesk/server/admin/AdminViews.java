package dev.frontdesk.server.admin;

import dev.frontdesk.core.account.Account;
import dev.frontdesk.core.admin.Administrator;
import dev.frontdesk.core.audit.AuditEvent;
import dev.frontdesk.core.client.ClientApp;
import dev.frontdesk.core.session.Session;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.server.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** The admin API's JSON views of core values. Secrets and hashes never appear in them. */
final class AdminViews {
    private AdminViews() {
    }

    static Map<String, Object> tenant(Tenant tenant) {
        ObjectNode settings = Json.MAPPER.valueToTree(tenant.settings());
        if (settings.get("mail") instanceof ObjectNode mail) {
            boolean set = mail.hasNonNull("password");
            mail.remove("password");
            mail.put("passwordSet", set);
        }
        if (settings.get("ldap") instanceof ObjectNode ldap) {
            boolean set = ldap.hasNonNull("bindPassword");
            ldap.remove("bindPassword");
            ldap.put("bindPasswordSet", set);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", tenant.id());
        view.put("hosts", tenant.hosts());
        view.put("settings", settings);
        return view;
    }

    static Map<String, Object> account(Account a) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", a.id());
        view.put("tenant", a.tenant());
        view.put("username", a.username());
        view.put("type", a.type().wireName());
        view.put("email", a.email());
        view.put("firstName", a.firstName());
        view.put("lastName", a.lastName());
        view.put("idleTimeoutSeconds", a.idleTimeoutSeconds());
        view.put("accessRights", a.accessRights());
        view.put("segments", a.segments());
        view.put("enabled", a.enabled());
        view.put("properties", a.properties());
        view.put("createdAt", a.createdAt().toString());
        return view;
    }

    static Map<String, Object> administrator(Administrator a) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("username", a.username());
        view.put("role", a.role().wireName());
        view.put("tenants", a.tenants().stream().sorted().toList());
        view.put("bootstrap", a.isBootstrap());
        view.put("totp", a.totpSecret() != null);
        view.put("passkeys", a.passkeys());
        view.put("createdAt", a.createdAt().toString());
        return view;
    }

    static Map<String, Object> client(ClientApp c) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("clientId", c.clientId());
        view.put("name", c.name());
        view.put("createdAt", c.createdAt().toString());
        return view;
    }

    static Map<String, Object> session(Session s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("ref", s.ref());
        view.put("username", s.username());
        view.put("accountType", s.accountType().wireName());
        view.put("channel", s.channel());
        view.put("createdAt", s.createdAt().toString());
        view.put("lastSeenAt", s.lastSeenAt().toString());
        view.put("expiresAt", s.expiresAt().toString());
        view.put("clientIp", s.clientIp());
        view.put("userAgent", s.userAgent());
        view.put("clientId", s.clientId());
        Map<String, String> attributes = new LinkedHashMap<>();
        s.attributes().forEach((k, v) -> {
            if (!k.endsWith("Hash")) {
                attributes.put(k, v);
            }
        });
        view.put("attributes", attributes);
        return view;
    }

    static Map<String, Object> event(AuditEvent e) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", e.id());
        view.put("at", e.at().toString());
        view.put("type", e.type().wireName());
        view.put("tenant", e.tenant());
        view.put("username", e.username());
        view.put("channel", e.channel());
        view.put("clientIp", e.clientIp());
        view.put("actor", e.actor());
        view.put("detail", e.detail());
        return view;
    }
}
