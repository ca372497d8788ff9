package dev.frontdesk.server.egain;

import dev.frontdesk.core.Frontdesk;
import dev.frontdesk.server.http.ErrorFrame;
import dev.frontdesk.server.http.Requests;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.Map;
import java.util.Optional;

/**
 * The eGain / ECE dialect: v12 user (agent) login and logout, v15 customer login and logout, v19
 * client-application tokens. Every path is served as written and under the context root
 * {@code /system}, as real ECE clients call it. Login errors are {@code <error>} / {@code {"message"}},
 * logout errors {@code <Error>}. The v19 token paths speak RFC 6749 and are served by the OAuth door.
 */
public final class EgainDialect implements HttpService {
    static final String SESSION_HEADER = "X-egain-session";
    static final String CONTEXT_ROOT = "/system";

    static final String V12_LOGIN = "/ws/v12/authentication/user/login";
    static final String V12_LOGOUT = "/ws/v12/authentication/user/logout";
    static final String V15_LOGIN = "/ws/v15/context/authentication/user/login";
    static final String V15_LOGOUT = "/ws/v15/context/authentication/user/logout";

    /** Which API answers a path, and the root element of its XML errors. */
    record Endpoint(EgainApi api, String errorRoot) {
    }

    private static final Map<String, Endpoint> ENDPOINTS = Map.of(
            V12_LOGIN, new Endpoint(EgainApi.V12, "error"),
            V12_LOGOUT, new Endpoint(EgainApi.V12, "Error"),
            V15_LOGIN, new Endpoint(EgainApi.V15, "error"),
            V15_LOGOUT, new Endpoint(EgainApi.V15, "Error"));

    private final EgainExchanges exchanges;
    private final LoginEndpoint v12Login;
    private final LoginEndpoint v15Login;
    private final LogoutEndpoints logouts;

    public EgainDialect(Frontdesk core, Requests requests, ErrorFrame frame) {
        this.exchanges = new EgainExchanges(frame);
        this.v12Login = new LoginEndpoint(EgainApi.V12, core, requests);
        this.v15Login = new LoginEndpoint(EgainApi.V15, core, requests);
        this.logouts = new LogoutEndpoints(core, requests);
    }

    @Override
    public void routing(HttpRules rules) {
        for (String root : new String[] {"", CONTEXT_ROOT}) {
            rules.post(root + V12_LOGIN, exchanges.of(EgainApi.V12, "error", v12Login::login))
                    .any(root + V12_LOGIN, exchanges.methodNotAllowed(EgainApi.V12, "error", "POST"))
                    .delete(root + V12_LOGOUT, exchanges.of(EgainApi.V12, "Error", logouts::v12))
                    .any(root + V12_LOGOUT, exchanges.methodNotAllowed(EgainApi.V12, "Error", "DELETE"))
                    .post(root + V15_LOGIN, exchanges.of(EgainApi.V15, "error", v15Login::login))
                    .any(root + V15_LOGIN, exchanges.methodNotAllowed(EgainApi.V15, "error", "POST"))
                    .post(root + V15_LOGOUT, exchanges.of(EgainApi.V15, "Error", logouts::v15))
                    .any(root + V15_LOGOUT, exchanges.methodNotAllowed(EgainApi.V15, "Error", "POST"));
        }
    }

    /** The login or logout endpoint at a raw path (with or without {@code /system}), else empty. */
    static Optional<Endpoint> endpoint(String rawPath) {
        String path = rawPath.startsWith(CONTEXT_ROOT + "/") ? rawPath.substring(CONTEXT_ROOT.length()) : rawPath;
        return Optional.ofNullable(ENDPOINTS.get(path));
    }
}
