package dev.frontdesk.core.tenant;

import dev.frontdesk.core.support.Validation;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything a tenant can tune. Defaults come from {@link #defaults()}; the admin API merges partial
 * settings over them, so every component is always present once built.
 *
 * @param customerSessionLicenses live customer sessions allowed in the tenant; {@code null} = unlimited
 * @param upstreamServers Web Services servers (primary first, then peers) that check SRS credentials;
 *                        empty = Frontdesk checks them itself
 * @param srsPingRequired whether an SRS session ends when its pings stop ({@code srsPingTimeoutSeconds});
 *                        false gives SRS sessions the agent idle timeout, for desktops that never ping
 * @param defaultDepartmentId   an agent's home department id when its account has no
 *                              {@code departmentId} property (eGain user profile)
 * @param defaultDepartmentName likewise for the department's name ({@code departmentName})
 * @param totpRequiredFor account types ({@code agent}, {@code customer}) that must give a TOTP code on the
 *                        native login (enrolling at their first login); an account that enrolled one gives it anyway
 */
public record TenantSettings(
        int maxSessionsPerAccount,
        long idleTimeoutSeconds,
        long agentIdleTimeoutSeconds,
        long maxLifetimeSeconds,
        long clientTokenLifetimeSeconds,
        int maxTokensPerClient,
        List<String> corsAllowedOrigins,
        long srsPingTimeoutSeconds,
        Integer customerSessionLicenses,
        String defaultLanguage,
        MailSettings mail,
        String passwordResetUrl,
        long passwordResetLifetimeSeconds,
        LdapSettings ldap,
        List<OpenIdProvider> openIdProviders,
        String broadcastMessage,
        String spamPolicyUrl,
        List<String> upstreamServers,
        ThrottleSettings throttle,
        PasswordPolicySettings passwordPolicy,
        Boolean srsPingRequired,
        String defaultDepartmentId,
        String defaultDepartmentName,
        String publicBaseUrl,
        List<String> totpRequiredFor) {

    public TenantSettings {
        positive(maxSessionsPerAccount, "maxSessionsPerAccount");
        positive(idleTimeoutSeconds, "idleTimeoutSeconds");
        positive(agentIdleTimeoutSeconds, "agentIdleTimeoutSeconds");
        positive(maxLifetimeSeconds, "maxLifetimeSeconds");
        positive(clientTokenLifetimeSeconds, "clientTokenLifetimeSeconds");
        positive(maxTokensPerClient, "maxTokensPerClient");
        positive(srsPingTimeoutSeconds, "srsPingTimeoutSeconds");
        positive(passwordResetLifetimeSeconds, "passwordResetLifetimeSeconds");
        Validation.require(customerSessionLicenses == null || customerSessionLicenses >= 0,
                "customerSessionLicenses", "customerSessionLicenses must be null or >= 0");
        corsAllowedOrigins = List.copyOf(Objects.requireNonNullElse(corsAllowedOrigins, List.of()));
        corsAllowedOrigins.forEach(TenantSettings::checkOrigin);
        defaultLanguage = Objects.requireNonNullElse(defaultLanguage, "en-US");
        passwordResetUrl = Objects.requireNonNullElse(passwordResetUrl, "");
        openIdProviders = List.copyOf(Objects.requireNonNullElse(openIdProviders, List.of()));
        broadcastMessage = Objects.requireNonNullElse(broadcastMessage, "");
        spamPolicyUrl = Objects.requireNonNullElse(spamPolicyUrl, "");
        upstreamServers = List.copyOf(Objects.requireNonNullElse(upstreamServers, List.of()));
        throttle = Objects.requireNonNullElse(throttle, ThrottleSettings.defaults());
        passwordPolicy = Objects.requireNonNullElse(passwordPolicy, PasswordPolicySettings.defaults());
        srsPingRequired = Objects.requireNonNullElse(srsPingRequired, Boolean.TRUE);
        defaultDepartmentId = Objects.requireNonNullElse(defaultDepartmentId, DEFAULT_DEPARTMENT_ID);
        defaultDepartmentName = Objects.requireNonNullElse(defaultDepartmentName, DEFAULT_DEPARTMENT_NAME);
        Validation.require(!defaultDepartmentId.isBlank() && defaultDepartmentId.length() <= 64,
                "defaultDepartmentId", "defaultDepartmentId must be 1-64 characters");
        Validation.require(defaultDepartmentName.length() <= 255, "defaultDepartmentName",
                "defaultDepartmentName must be at most 255 characters");
        publicBaseUrl = checkBaseUrl(Objects.requireNonNullElse(publicBaseUrl, "").trim());
        totpRequiredFor = List.copyOf(Objects.requireNonNullElse(totpRequiredFor, List.of()));
        totpRequiredFor.forEach(type -> Validation.require(type != null && (type.equals("agent") || type.equals("customer")),
                "totpRequiredFor", "totpRequiredFor lists account types: agent, customer"));
    }

    /** eGain's own default department ("Service", 999), which every eGain installation has. */
    public static final String DEFAULT_DEPARTMENT_ID = "999";
    public static final String DEFAULT_DEPARTMENT_NAME = "Service";

    public static TenantSettings defaults() {
        return new TenantSettings(5, 1800, 5400, 43200, 86400, 10, List.of(), 60, null, "en-US",
                null, "", 3600, null, List.of(), "", "", List.of(), null, null,
                true, DEFAULT_DEPARTMENT_ID, DEFAULT_DEPARTMENT_NAME, "", List.of());
    }

    public Duration idleTimeout() {
        return Duration.ofSeconds(idleTimeoutSeconds);
    }

    public Duration agentIdleTimeout() {
        return Duration.ofSeconds(agentIdleTimeoutSeconds);
    }

    public Duration maxLifetime() {
        return Duration.ofSeconds(maxLifetimeSeconds);
    }

    public Duration clientTokenLifetime() {
        return Duration.ofSeconds(clientTokenLifetimeSeconds);
    }

    public Duration srsPingTimeout() {
        return Duration.ofSeconds(srsPingTimeoutSeconds);
    }

    public Duration passwordResetLifetime() {
        return Duration.ofSeconds(passwordResetLifetimeSeconds);
    }

    private static void positive(long value, String field) {
        Validation.require(value > 0, field, field + " must be positive");
    }

    /**
     * {@code publicBaseUrl}: how clients reach this tenant ({@code https://agents.example.com}, maybe with
     * a path prefix), for absolute links in answers; empty when not set. No user info, query or fragment.
     */
    private static String checkBaseUrl(String url) {
        if (url.isEmpty()) {
            return url;
        }
        boolean valid;
        try {
            java.net.URI uri = new java.net.URI(url);
            valid = uri.getScheme() != null && (uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                    && uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
        } catch (java.net.URISyntaxException e) {
            valid = false;
        }
        Validation.require(valid && url.length() <= 512, "publicBaseUrl",
                "publicBaseUrl must be an http(s) URL without user info, query or fragment");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void checkOrigin(String origin) {
        Validation.require(origin != null && !origin.isBlank(), "corsAllowedOrigins", "an origin must not be blank");
        Validation.require(!origin.trim().equals("*"), "corsAllowedOrigins",
                "a bare * is not allowed: list the origins (a * may stand for one host label)");
        Validation.require(origin.startsWith("http://") || origin.startsWith("https://"), "corsAllowedOrigins",
                "an origin must start with http:// or https://: " + origin);
    }
}
