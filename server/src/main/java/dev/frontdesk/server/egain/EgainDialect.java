package dev.frontdesk.server.egain;

import dev.frontdesk.core.Frontdesk;
import dev.frontdesk.server.http.ErrorFrame;
import dev.frontdesk.server.http.OriginPolicy;
import dev.frontdesk.server.http.Requests;
import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The eGain / ECE dialect: the user (agent) login and logout of v12, the customer login and logout of
 * v15, and the user profile, under every eGain API version that has them, with and without the
 * context root {@code /system}, as real ECE clients call them. Login errors are {@code <error>} /
 * {@code {"message"}}, logout and profile errors {@code <Error>}. The v19 token paths speak RFC 6749
 * and are served by the OAuth door.
 *
 * <p>One routing rule: every path under {@code /ws/} is matched once against {@link #PATH}
 * ({@code [/system]/ws/v{NN}/<resource>}); the resource fixes the API, the method, the error root
 * and the CORS answer, the version only has to lie in the resource's range ({@link Resource}). The
 * versions are the same API: a session opened at v20 logs out at v12. A path outside the rule goes on
 * to the next route (a 404). {@link EgainDirectHandler} uses the same rule for its 413s.
 *
 * <p>CORS: the tenant's {@code corsAllowedOrigins} (the shared {@link OriginPolicy}) may call these
 * paths from a browser: an allowed origin's preflight is answered 204 with the path's real methods, and
 * every answer to it (errors too) exposes {@code X-egain-session}. Any other origin gets no CORS
 * header, so the browser keeps the answer from the page.
 */
public final class EgainDialect implements HttpService {
    static final String SESSION_HEADER = "X-egain-session";
    static final String CONTEXT_ROOT = "/system";
    static final int NEWEST_VERSION = 21;

    private static final String CORS_HEADERS = "Content-Type, Accept, Accept-Language, X-egain-session, Authorization";
    private static final long CORS_MAX_AGE = 600;
    private static final Pattern PATH = Pattern.compile(
            "(?:" + CONTEXT_ROOT + ")?/ws/v([1-9][0-9])/(authentication/user/login|authentication/user/logout"
                    + "|context/authentication/user/login|context/authentication/user/logout"
                    + "|administration/user/login/([^/]{1,256}))");

    /** What a path serves: API, method, error root, the first version that has it; up to {@link #NEWEST_VERSION}. */
    enum Resource {
        USER_LOGIN("authentication/user/login", EgainApi.V12, Method.POST, "error", 11),
        USER_LOGOUT("authentication/user/logout", EgainApi.V12, Method.DELETE, "Error", 11),
        CUSTOMER_LOGIN("context/authentication/user/login", EgainApi.V15, Method.POST, "error", 15),
        CUSTOMER_LOGOUT("context/authentication/user/logout", EgainApi.V15, Method.POST, "Error", 15),
        USER_PROFILE("administration/user/login/", EgainApi.V12, Method.GET, "Error", 12);

        final String path;
        final EgainApi api;
        final Method method;
        final String errorRoot;
        final int firstVersion;
        final OriginPolicy.Cors cors;

        Resource(String path, EgainApi api, Method method, String errorRoot, int firstVersion) {
            this.path = path;
            this.api = api;
            this.method = method;
            this.errorRoot = errorRoot;
            this.firstVersion = firstVersion;
            this.cors = new OriginPolicy.Cors(method.text() + ", OPTIONS", CORS_HEADERS, SESSION_HEADER, true,
                    CORS_MAX_AGE);
        }

        static Resource of(String path) {
            for (Resource resource : values()) {
                if (resource.path.endsWith("/") ? path.startsWith(resource.path) : path.equals(resource.path)) {
                    return resource;
                }
            }
            throw new IllegalArgumentException(path);
        }
    }

    /**
     * A path the dialect serves.
     *
     * @param loginId the profile's login ID as the path names it (decoded when the path was), else null
     */
    record Endpoint(Resource resource, int version, String loginId) {
        EgainApi api() {
            return resource.api;
        }

        String errorRoot() {
            return resource.errorRoot;
        }
    }

    private final Map<Resource, Handler> handlers = new EnumMap<>(Resource.class);

    public EgainDialect(Frontdesk core, Requests requests, ErrorFrame frame) {
        EgainExchanges exchanges = new EgainExchanges(frame);
        LoginEndpoint v12Login = new LoginEndpoint(EgainApi.V12, core, requests);
        LoginEndpoint v15Login = new LoginEndpoint(EgainApi.V15, core, requests);
        LogoutEndpoints logouts = new LogoutEndpoints(core, requests);
        UserProfileEndpoint profiles = new UserProfileEndpoint(core);
        handlers.put(Resource.USER_LOGIN, exchanges.of(Resource.USER_LOGIN, v12Login::login));
        handlers.put(Resource.USER_LOGOUT, exchanges.of(Resource.USER_LOGOUT, logouts::v12));
        handlers.put(Resource.CUSTOMER_LOGIN, exchanges.of(Resource.CUSTOMER_LOGIN, v15Login::login));
        handlers.put(Resource.CUSTOMER_LOGOUT, exchanges.of(Resource.CUSTOMER_LOGOUT, logouts::v15));
        handlers.put(Resource.USER_PROFILE, exchanges.of(Resource.USER_PROFILE, profiles::get));
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any("/ws/*", this::dispatch).any(CONTEXT_ROOT + "/ws/*", this::dispatch);
    }

    private void dispatch(ServerRequest req, ServerResponse res) throws Exception {
        Optional<Endpoint> endpoint = endpoint(req.path().path());
        if (endpoint.isEmpty()) {
            res.next();
            return;
        }
        handlers.get(endpoint.get().resource()).handle(req, res);
    }

    /** The endpoint at a path (with or without {@code /system}), else empty. */
    static Optional<Endpoint> endpoint(String path) {
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        Resource resource = Resource.of(m.group(2));
        int version = Integer.parseInt(m.group(1));
        if (version < resource.firstVersion || version > NEWEST_VERSION) {
            return Optional.empty();
        }
        return Optional.of(new Endpoint(resource, version, m.group(3)));
    }
}
