package dev.frontdesk.client.ece;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The ECE Login node's "Node Runtime Authorization": the client application that obtains the access token,
 * and the user whose session the node creates.
 *
 * <p>{@link Builder#build()} refuses an incomplete or malformed configuration. Flow engines that load
 * configuration they do not control use {@link Builder#buildUnchecked()} instead: the node then reports
 * {@link #problems()} as {@code onInvalidData} at call time, without sending a request.
 *
 * @param hostName      the base URL of the ECE server, e.g. {@code https://ece.example.com}
 * @param contextRoot   a path prefix for the login API, e.g. {@code /system}; empty for none
 * @param forceLogin    send {@code forceLogin=yes}: at the user's session cap, end the oldest session
 * @param timeout       connect and answer timeout of every call
 * @param refreshSkew   refresh the access token this long before it expires
 * @param wiredOutcomes the outcomes the flow routes; empty means all are wired
 */
public record NodeRuntimeAuthorization(String authorizationName, String clientId, String clientSecret,
                                       String accessTokenUrl, String refreshTokenUrl, String hostName,
                                       String userName, String password, String contextRoot, boolean forceLogin,
                                       Duration timeout, Duration refreshSkew, Set<Outcome> wiredOutcomes) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REFRESH_SKEW = Duration.ofSeconds(60);
    static final String LOGIN_PATH = "/ws/v12/authentication/user/login";

    public NodeRuntimeAuthorization {
        contextRoot = contextRoot == null ? "" : contextRoot;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        refreshSkew = refreshSkew == null ? DEFAULT_REFRESH_SKEW : refreshSkew;
        wiredOutcomes = wiredOutcomes == null || wiredOutcomes.isEmpty()
                ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(wiredOutcomes));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().authorizationName(authorizationName).clientId(clientId).clientSecret(clientSecret)
                .accessTokenUrl(accessTokenUrl).refreshTokenUrl(refreshTokenUrl).hostName(hostName)
                .userName(userName).password(password).contextRoot(contextRoot).forceLogin(forceLogin)
                .timeout(timeout).refreshSkew(refreshSkew).wiredOutcomes(wiredOutcomes);
    }

    /** What keeps this configuration from being used; empty when it is complete. Never echoes secrets. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        requireText(problems, "authorizationName", authorizationName);
        requireText(problems, "clientId", clientId);
        requireText(problems, "clientSecret", clientSecret);
        requireHttpUrl(problems, "accessTokenUrl", accessTokenUrl);
        requireHttpUrl(problems, "refreshTokenUrl", refreshTokenUrl);
        requireHttpUrl(problems, "hostName", hostName);
        requireText(problems, "userName", userName);
        requireText(problems, "password", password);
        if (!contextRoot.isEmpty() && (!contextRoot.startsWith("/") || contextRoot.matches(".*[?#\\s].*"))) {
            problems.add("contextRoot must be empty or a path starting with '/': " + contextRoot);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            problems.add("timeout must be positive");
        }
        if (refreshSkew.isNegative()) {
            problems.add("refreshSkew must not be negative");
        }
        return List.copyOf(problems);
    }

    public boolean isWired(Outcome outcome) {
        return wiredOutcomes.isEmpty() || wiredOutcomes.contains(outcome);
    }

    /** The login API's address; only meaningful when {@link #problems()} is empty. */
    public URI loginUri() {
        return URI.create(stripTrailingSlash(hostName) + stripTrailingSlash(contextRoot) + LOGIN_PATH
                + (forceLogin ? "?forceLogin=yes" : ""));
    }

    @Override
    public String toString() {
        return "NodeRuntimeAuthorization[authorizationName=" + authorizationName + ", clientId=" + clientId
                + ", clientSecret=****, accessTokenUrl=" + accessTokenUrl + ", refreshTokenUrl=" + refreshTokenUrl
                + ", hostName=" + hostName + ", userName=" + userName + ", password=****, contextRoot="
                + contextRoot + ", forceLogin=" + forceLogin + ", timeout=" + timeout + ", refreshSkew="
                + refreshSkew + ", wiredOutcomes=" + wiredOutcomes + "]";
    }

    private static void requireText(List<String> problems, String name, String value) {
        if (value == null || value.isBlank()) {
            problems.add(name + " is required");
        }
    }

    private static void requireHttpUrl(List<String> problems, String name, String value) {
        if (value == null || value.isBlank()) {
            problems.add(name + " is required");
            return;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                problems.add(name + " must be an absolute http(s) URL: " + value);
            }
        } catch (java.net.URISyntaxException e) {
            problems.add(name + " is not a valid URL: " + value);
        }
    }

    private static String stripTrailingSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    /** Defaults: no context root, no forceLogin, 10 s timeout, 60 s refresh skew, every outcome wired. */
    public static final class Builder {
        private String authorizationName;
        private String clientId;
        private String clientSecret;
        private String accessTokenUrl;
        private String refreshTokenUrl;
        private String hostName;
        private String userName;
        private String password;
        private String contextRoot = "";
        private boolean forceLogin;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration refreshSkew = DEFAULT_REFRESH_SKEW;
        private Set<Outcome> wiredOutcomes = Set.of();

        private Builder() {
        }

        public Builder authorizationName(String value) {
            this.authorizationName = value;
            return this;
        }

        public Builder clientId(String value) {
            this.clientId = value;
            return this;
        }

        public Builder clientSecret(String value) {
            this.clientSecret = value;
            return this;
        }

        public Builder accessTokenUrl(String value) {
            this.accessTokenUrl = value;
            return this;
        }

        /** Defaults to the access token URL, which is what ECE documents for it. */
        public Builder refreshTokenUrl(String value) {
            this.refreshTokenUrl = value;
            return this;
        }

        public Builder hostName(String value) {
            this.hostName = value;
            return this;
        }

        public Builder userName(String value) {
            this.userName = value;
            return this;
        }

        public Builder password(String value) {
            this.password = value;
            return this;
        }

        public Builder contextRoot(String value) {
            this.contextRoot = value;
            return this;
        }

        public Builder forceLogin(boolean value) {
            this.forceLogin = value;
            return this;
        }

        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        public Builder refreshSkew(Duration value) {
            this.refreshSkew = value;
            return this;
        }

        public Builder wiredOutcomes(Set<Outcome> value) {
            this.wiredOutcomes = value;
            return this;
        }

        /** @throws InvalidAuthorizationException listing every problem when the configuration is incomplete */
        public NodeRuntimeAuthorization build() {
            NodeRuntimeAuthorization authorization = buildUnchecked();
            List<String> problems = authorization.problems();
            if (!problems.isEmpty()) {
                throw new InvalidAuthorizationException(problems);
            }
            return authorization;
        }

        /** Builds without validating; the node reports {@link #problems()} as {@code onInvalidData}. */
        public NodeRuntimeAuthorization buildUnchecked() {
            String refresh = refreshTokenUrl == null || refreshTokenUrl.isBlank() ? accessTokenUrl : refreshTokenUrl;
            return new NodeRuntimeAuthorization(authorizationName, clientId, clientSecret, accessTokenUrl, refresh,
                    hostName, userName, password, contextRoot, forceLogin, timeout, refreshSkew, wiredOutcomes);
        }
    }
}
