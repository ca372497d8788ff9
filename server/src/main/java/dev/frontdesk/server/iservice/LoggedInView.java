package dev.frontdesk.server.iservice;

import dev.frontdesk.core.account.Account;
import dev.frontdesk.core.openid.OpenIdLink;
import dev.frontdesk.core.tenant.OpenIdProvider;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.core.tenant.TenantSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * iService's LoggedIn object: all sixteen fields of the vendor's table (plus {@code logins[].name}
 * and {@code .type}), always present, with their JSON types. Logged out, every field is empty
 * ("" / [] / 0 / false) except {@code isPasswordResetConfigured}, which describes the site rather than
 * a user and is what a login page needs to decide whether to offer "forgot password".
 */
final class LoggedInView {
    static final String TYPE_USERNAME = "";
    static final String TYPE_EMAIL = "Email";

    private LoggedInView() {
    }

    static Map<String, Object> anonymous(Tenant tenant) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("accessRights", List.of());
        view.put("accessibleSegments", List.of());
        view.put("alsoUseDefaultCSS", false);
        view.put("broadcastMessage", "");
        view.put("chats", List.of());
        view.put("contactID", "");
        view.put("contactName", "");
        view.put("isAvailable", false);
        view.put("isLoggedIn", false);
        view.put("isPasswordResetConfigured", isPasswordResetConfigured(tenant.settings()));
        view.put("logins", List.of());
        view.put("numChats", 0);
        view.put("registrationFormID", "");
        view.put("spamPolicyUrl", "");
        view.put("styleSheet", "");
        view.put("tenantID", "");
        return view;
    }

    static Map<String, Object> of(Account account, Tenant tenant, List<OpenIdLink> links) {
        TenantSettings settings = tenant.settings();
        Map<String, Object> view = anonymous(tenant);
        view.put("accessRights", account.accessRights());
        view.put("accessibleSegments", account.segments());
        view.put("broadcastMessage", settings.broadcastMessage());
        view.put("contactID", account.id());
        view.put("contactName", contactName(account));
        view.put("isLoggedIn", true);
        view.put("logins", logins(account, links, settings));
        view.put("spamPolicyUrl", settings.spamPolicyUrl());
        view.put("tenantID", tenant.id());
        return view;
    }

    /** The reset mail can be sent: the tenant has an SMTP server. */
    static boolean isPasswordResetConfigured(TenantSettings settings) {
        return settings.mail() != null;
    }

    /** First and last name; else e-mail or login; else the contact ID. */
    static String contactName(Account account) {
        String name = account.displayName();
        return name == null || name.isBlank() ? account.id() : name;
    }

    /**
     * The ways the contact can log in: the user name (type "", or "Email" when it is an address;
     * left out for a contact that only ever logged in through OpenID), its e-mail address, and each
     * linked OpenID identity (type = the provider's name, name = the identity's subject).
     */
    static List<Map<String, String>> logins(Account account, List<OpenIdLink> links, TenantSettings settings) {
        List<Map<String, String>> logins = new ArrayList<>();
        String username = account.username();
        boolean usernameIsEmail = looksLikeEmail(username);
        boolean openIdOnly = account.passwordHash() == null && !links.isEmpty();
        if (!openIdOnly) {
            logins.add(login(username, usernameIsEmail ? TYPE_EMAIL : TYPE_USERNAME));
        }
        String email = account.email();
        if (email != null && !email.isBlank() && !email.equalsIgnoreCase(username)) {
            logins.add(login(email, TYPE_EMAIL));
        }
        for (OpenIdLink link : links) {
            String provider = settings.openIdProviders().stream()
                    .filter(p -> p.issuer().equals(link.issuer()))
                    .map(OpenIdProvider::name).findFirst().orElse(link.provider());
            logins.add(login(link.subject(), provider));
        }
        return logins;
    }

    static boolean looksLikeEmail(String value) {
        if (value == null) {
            return false;
        }
        int at = value.indexOf('@');
        return at > 0 && at == value.lastIndexOf('@') && at < value.length() - 1
                && value.chars().noneMatch(Character::isWhitespace) && value.length() <= 320;
    }

    private static Map<String, String> login(String name, String type) {
        Map<String, String> login = new LinkedHashMap<>();
        login.put("name", name);
        login.put("type", type);
        return login;
    }
}
