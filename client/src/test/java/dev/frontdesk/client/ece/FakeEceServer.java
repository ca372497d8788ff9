package dev.frontdesk.client.ece;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small ECE stand-in on 127.0.0.1: the v19 client-credentials token endpoint (also under {@code /system},
 * used as the refresh URL), the v12 user login that checks the bearer token and the user, and one
 * downstream API that requires {@code X-egain-session}. It counts every request by path.
 */
public final class FakeEceServer implements AutoCloseable {
    public static final String CLIENT_ID = "flow-app";
    public static final String CLIENT_SECRET = "client-s3cret";
    public static final String USER = "agent1";
    public static final String PASSWORD = "agent-pa55word";
    public static final String TOKEN_PATH = "/ws/v19/clientapplications/authentication/oauth2/token";
    public static final String REFRESH_PATH = "/system" + TOKEN_PATH;
    public static final String LOGIN_PATH = "/ws/v12/authentication/user/login";
    public static final String CUSTOMER_PATH = "/ws/v12/interaction/customer";

    private static final JsonMapper JSON = JsonMapper.shared();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final Set<String> issuedTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<String> loginUris = new CopyOnWriteArrayList<>();
    private volatile long expiresInSeconds = 86_400;
    private volatile LoginOverride loginOverride;
    private volatile boolean refuseEverySession;

    private record LoginOverride(int status, String body) {
    }

    private FakeEceServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeEceServer start() throws IOException {
        return new FakeEceServer();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** An authorization that works against this server; tests change what they need. */
    public NodeRuntimeAuthorization.Builder authorization() {
        return NodeRuntimeAuthorization.builder()
                .authorizationName("fake-ece")
                .clientId(CLIENT_ID)
                .clientSecret(CLIENT_SECRET)
                .accessTokenUrl(baseUrl() + TOKEN_PATH)
                .refreshTokenUrl(baseUrl() + REFRESH_PATH)
                .hostName(baseUrl())
                .userName(USER)
                .password(PASSWORD);
    }

    public void expiresIn(long seconds) {
        expiresInSeconds = seconds;
    }

    public void revokeAllTokens() {
        tokens.clear();
    }

    /** Makes the downstream API answer 401 whatever session it gets. */
    public void refuseEverySession(boolean refuse) {
        refuseEverySession = refuse;
    }

    public void endAllSessions() {
        sessions.clear();
    }

    /** From now on the login API answers {@code status} with {@code body} (no session header). */
    public void answerLoginWith(int status, String body) {
        loginOverride = new LoginOverride(status, body);
    }

    public int requestsTo(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    public int tokenRequests() {
        return requestsTo(TOKEN_PATH) + requestsTo(REFRESH_PATH);
    }

    public int loginRequests() {
        return requestsTo(LOGIN_PATH) + requestsTo("/system" + LOGIN_PATH);
    }

    public int totalRequests() {
        return hits.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public List<String> loginUris() {
        return List.copyOf(loginUris);
    }

    /** Every token this server ever issued, to check none leaks into results. */
    public Set<String> issuedTokens() {
        return Set.copyOf(issuedTokens);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            String body = readBody(exchange.getRequestBody());
            if (!exchange.getRequestMethod().equals("POST") && !path.equals(CUSTOMER_PATH)) {
                send(exchange, 405, "application/json", "{\"message\":\"method not allowed\"}");
            } else if (path.equals(TOKEN_PATH) || path.equals(REFRESH_PATH)) {
                token(exchange, body);
            } else if (path.equals(LOGIN_PATH) || path.equals("/system" + LOGIN_PATH)) {
                loginUris.add(exchange.getRequestURI().toString());
                login(exchange, body);
            } else if (path.equals(CUSTOMER_PATH)) {
                customer(exchange);
            } else {
                send(exchange, 404, "application/json", "{\"message\":\"not found\"}");
            }
        }
    }

    private void token(HttpExchange exchange, String body) throws IOException {
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"ece\"");
            send(exchange, 401, "application/json",
                    "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}");
            return;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")
                || !body.equals("grant_type=client_credentials")) {
            send(exchange, 400, "application/json", "{\"error\":\"unsupported_grant_type\"}");
            return;
        }
        String token = UUID.randomUUID().toString();
        tokens.add(token);
        issuedTokens.add(token);
        send(exchange, 200, "application/json", "{\"access_token\":\"" + token + "\",\"expires_in\":"
                + expiresInSeconds + ",\"token_type\":\"Bearer\"}");
    }

    private void login(HttpExchange exchange, String body) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")
                || !tokens.contains(authorization.substring("Bearer ".length()))) {
            send(exchange, 401, "application/json", "{\"message\":\"Invalid or expired access token.\"}");
            return;
        }
        LoginOverride override = loginOverride;
        if (override != null) {
            send(exchange, override.status(), "application/json", override.body());
            return;
        }
        JsonNode credentials;
        try {
            credentials = JSON.readTree(body);
        } catch (JacksonException e) {
            send(exchange, 400, "application/json", "{\"message\":\"Malformed request body.\"}");
            return;
        }
        String user = credentials.path("userName").asString("");
        if (!user.equals(USER) || !credentials.path("password").asString("").equals(PASSWORD)) {
            send(exchange, 401, "application/json",
                    "{\"message\":\"User credentials could not be authenticated. Username : " + user + "\"}");
            return;
        }
        String session = UUID.randomUUID().toString().toUpperCase();
        sessions.add(session);
        exchange.getResponseHeaders().add("X-egain-session", session);
        exchange.sendResponseHeaders(204, -1);
    }

    private void customer(HttpExchange exchange) throws IOException {
        String session = exchange.getRequestHeaders().getFirst("X-egain-session");
        if (refuseEverySession || session == null || !sessions.contains(session)) {
            send(exchange, 401, "application/xml", "<error xmlns=\"http://bindings.egain.com/ws/model/v12/gen/common\">"
                    + "<code>401-101</code><developerMessage>Invalid or expired 'X-egain-session' header provided."
                    + " New login is required.</developerMessage></error>");
            return;
        }
        send(exchange, 200, "application/json", "{\"customer\":\"found\"}");
    }

    private static String readBody(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
