package dev.frontdesk.core.tenant;

import dev.frontdesk.core.support.Validation;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything a tenant can tune. The record is flat because it is the admin API's and the store's JSON
 * shape (one level, stable names); code reads it through grouped views ({@link #sessions()},
 * {@link #tokens()}, {@link #throttle()}, {@link #passwordPolicy()}, and one per dialect that the core
 * only passes through: {@link #egain()}, {@link #iservice()}, {@link #srs()}), and builds it with
 * {@link #builder()}. Defaults come from the builder; the admin API merges partial settings over them,
 * so every component is always present once built.
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
        return builder().build();
    }

    /** A builder with every default set: name only what differs. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    // ---- grouped views: what each part of the server reads ------------------------------------------

    /** The session engine's rules: cap, idle and absolute lifetime, customer licences. */
    public record SessionPolicy(int maxPerAccount, Duration idle, Duration agentIdle, Duration maxLifetime,
                                Integer customerLicenses) {
    }

    /** Access tokens of client applications: lifetime and per-client cap. */
    public record TokenPolicy(Duration lifetime, int maxPerClient) {
    }

    /** What the eGain dialect reads (the core passes it through). */
    public record Egain(String defaultLanguage, String defaultDepartmentId, String defaultDepartmentName) {
    }

    /** What the iService dialect reads (the core passes it through). */
    public record IService(MailSettings mail, String passwordResetUrl, Duration passwordResetLifetime, LdapSettings ldap,
                           List<OpenIdProvider> openIdProviders, String broadcastMessage, String spamPolicyUrl) {
    }

    /** What the SRS dialect reads (the core passes it through). */
    public record Srs(Duration pingTimeout, boolean pingRequired, List<String> upstreamServers, String publicBaseUrl) {
    }

    public SessionPolicy sessions() {
        return new SessionPolicy(maxSessionsPerAccount, idleTimeout(), agentIdleTimeout(), maxLifetime(),
                customerSessionLicenses);
    }

    public TokenPolicy tokens() {
        return new TokenPolicy(clientTokenLifetime(), maxTokensPerClient);
    }

    public Egain egain() {
        return new Egain(defaultLanguage, defaultDepartmentId, defaultDepartmentName);
    }

    public IService iservice() {
        return new IService(mail, passwordResetUrl, passwordResetLifetime(), ldap, openIdProviders, broadcastMessage,
                spamPolicyUrl);
    }

    public Srs srs() {
        return new Srs(srsPingTimeout(), srsPingRequired, upstreamServers, publicBaseUrl);
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

    /** Builds {@link TenantSettings}; {@link #build()} validates as the record does. */
    public static final class Builder {
        private int maxSessionsPerAccount = 5;
        private long idleTimeoutSeconds = 1800;
        private long agentIdleTimeoutSeconds = 5400;
        private long maxLifetimeSeconds = 43200;
        private long clientTokenLifetimeSeconds = 86400;
        private int maxTokensPerClient = 10;
        private List<String> corsAllowedOrigins = List.of();
        private long srsPingTimeoutSeconds = 60;
        private Integer customerSessionLicenses = null;
        private String defaultLanguage = "en-US";
        private MailSettings mail = null;
        private String passwordResetUrl = "";
        private long passwordResetLifetimeSeconds = 3600;
        private LdapSettings ldap = null;
        private List<OpenIdProvider> openIdProviders = List.of();
        private String broadcastMessage = "";
        private String spamPolicyUrl = "";
        private List<String> upstreamServers = List.of();
        private ThrottleSettings throttle = ThrottleSettings.defaults();
        private PasswordPolicySettings passwordPolicy = PasswordPolicySettings.defaults();
        private Boolean srsPingRequired = Boolean.TRUE;
        private String defaultDepartmentId = DEFAULT_DEPARTMENT_ID;
        private String defaultDepartmentName = DEFAULT_DEPARTMENT_NAME;
        private String publicBaseUrl = "";
        private List<String> totpRequiredFor = List.of();

        private Builder() {
        }

        private Builder(TenantSettings from) {
            this.maxSessionsPerAccount = from.maxSessionsPerAccount;
            this.idleTimeoutSeconds = from.idleTimeoutSeconds;
            this.agentIdleTimeoutSeconds = from.agentIdleTimeoutSeconds;
            this.maxLifetimeSeconds = from.maxLifetimeSeconds;
            this.clientTokenLifetimeSeconds = from.clientTokenLifetimeSeconds;
            this.maxTokensPerClient = from.maxTokensPerClient;
            this.corsAllowedOrigins = from.corsAllowedOrigins;
            this.srsPingTimeoutSeconds = from.srsPingTimeoutSeconds;
            this.customerSessionLicenses = from.customerSessionLicenses;
            this.defaultLanguage = from.defaultLanguage;
            this.mail = from.mail;
            this.passwordResetUrl = from.passwordResetUrl;
            this.passwordResetLifetimeSeconds = from.passwordResetLifetimeSeconds;
            this.ldap = from.ldap;
            this.openIdProviders = from.openIdProviders;
            this.broadcastMessage = from.broadcastMessage;
            this.spamPolicyUrl = from.spamPolicyUrl;
            this.upstreamServers = from.upstreamServers;
            this.throttle = from.throttle;
            this.passwordPolicy = from.passwordPolicy;
            this.srsPingRequired = from.srsPingRequired;
            this.defaultDepartmentId = from.defaultDepartmentId;
            this.defaultDepartmentName = from.defaultDepartmentName;
            this.publicBaseUrl = from.publicBaseUrl;
            this.totpRequiredFor = from.totpRequiredFor;
        }

        public Builder maxSessionsPerAccount(int value) {
            this.maxSessionsPerAccount = value;
            return this;
        }

        public Builder idleTimeoutSeconds(long value) {
            this.idleTimeoutSeconds = value;
            return this;
        }

        public Builder agentIdleTimeoutSeconds(long value) {
            this.agentIdleTimeoutSeconds = value;
            return this;
        }

        public Builder maxLifetimeSeconds(long value) {
            this.maxLifetimeSeconds = value;
            return this;
        }

        public Builder clientTokenLifetimeSeconds(long value) {
            this.clientTokenLifetimeSeconds = value;
            return this;
        }

        public Builder maxTokensPerClient(int value) {
            this.maxTokensPerClient = value;
            return this;
        }

        public Builder corsAllowedOrigins(List<String> value) {
            this.corsAllowedOrigins = value;
            return this;
        }

        public Builder srsPingTimeoutSeconds(long value) {
            this.srsPingTimeoutSeconds = value;
            return this;
        }

        public Builder customerSessionLicenses(Integer value) {
            this.customerSessionLicenses = value;
            return this;
        }

        public Builder defaultLanguage(String value) {
            this.defaultLanguage = value;
            return this;
        }

        public Builder mail(MailSettings value) {
            this.mail = value;
            return this;
        }

        public Builder passwordResetUrl(String value) {
            this.passwordResetUrl = value;
            return this;
        }

        public Builder passwordResetLifetimeSeconds(long value) {
            this.passwordResetLifetimeSeconds = value;
            return this;
        }

        public Builder ldap(LdapSettings value) {
            this.ldap = value;
            return this;
        }

        public Builder openIdProviders(List<OpenIdProvider> value) {
            this.openIdProviders = value;
            return this;
        }

        public Builder broadcastMessage(String value) {
            this.broadcastMessage = value;
            return this;
        }

        public Builder spamPolicyUrl(String value) {
            this.spamPolicyUrl = value;
            return this;
        }

        public Builder upstreamServers(List<String> value) {
            this.upstreamServers = value;
            return this;
        }

        public Builder throttle(ThrottleSettings value) {
            this.throttle = value;
            return this;
        }

        public Builder passwordPolicy(PasswordPolicySettings value) {
            this.passwordPolicy = value;
            return this;
        }

        public Builder srsPingRequired(Boolean value) {
            this.srsPingRequired = value;
            return this;
        }

        public Builder defaultDepartmentId(String value) {
            this.defaultDepartmentId = value;
            return this;
        }

        public Builder defaultDepartmentName(String value) {
            this.defaultDepartmentName = value;
            return this;
        }

        public Builder publicBaseUrl(String value) {
            this.publicBaseUrl = value;
            return this;
        }

        public Builder totpRequiredFor(List<String> value) {
            this.totpRequiredFor = value;
            return this;
        }

        public TenantSettings build() {
            return new TenantSettings(maxSessionsPerAccount, idleTimeoutSeconds, agentIdleTimeoutSeconds,
                    maxLifetimeSeconds, clientTokenLifetimeSeconds, maxTokensPerClient, corsAllowedOrigins,
                    srsPingTimeoutSeconds, customerSessionLicenses, defaultLanguage, mail, passwordResetUrl,
                    passwordResetLifetimeSeconds, ldap, openIdProviders, broadcastMessage, spamPolicyUrl,
                    upstreamServers, throttle, passwordPolicy, srsPingRequired, defaultDepartmentId,
                    defaultDepartmentName, publicBaseUrl, totpRequiredFor);
        }
    }
}
