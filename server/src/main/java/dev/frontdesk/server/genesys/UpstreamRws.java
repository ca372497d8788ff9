package dev.frontdesk.server.genesys;

import dev.frontdesk.server.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Checks SRS credentials against the tenant's upstream Web Services (RWS/GWS) servers with
 * {@code GET <server>/api/v2/me}, primary first.
 *
 * <p>Failover: a connection failure, a timeout, a 5xx, any other unexpected status or an unreadable
 * 200 moves on to the next server; 401 or 403 is the upstream's verdict on the credentials and ends
 * the search (asking the peer too would only double an attacker's guesses). Credentials are only ever
 * sent to servers the tenant lists: a client-sent {@code server}/{@code peer_server} merely picks among
 * them. Redirects are not followed, for the same reason. After a successful check the upstream
 * session that the check opened is ended again (best effort, in the background), so the upstream's
 * own session cap is not used up by checks.
 */
final class UpstreamRws {
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamRws.class);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
    private static final int MAX_BODY = 64 * 1024;

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** The user as the upstream describes it. */
    record UpstreamUser(String userName, String firstName, String lastName, String email, boolean enabled) {
    }

    sealed interface Answer {
        record Accepted(UpstreamUser user, String server) implements Answer {
        }

        record Rejected(String server) implements Answer {
        }

        /** No listed server gave a verdict. */
        record Unreachable() implements Answer {
        }
    }

    /**
     * The servers to ask, in order: the listed servers the client named as {@code server} and
     * {@code peer_server} (in that order), then the rest of the tenant's list in its order. A named
     * server that the tenant does not list is ignored.
     */
    static List<String> candidates(List<String> listed, String clientServer, String clientPeer) {
        List<String> usable = listed.stream().map(UpstreamRws::normalize).flatMap(Optional::stream).distinct().toList();
        List<String> ordered = new ArrayList<>();
        for (String choice : new String[] {clientServer, clientPeer}) {
            normalize(choice).filter(usable::contains).filter(c -> !ordered.contains(c)).ifPresent(ordered::add);
        }
        usable.stream().filter(s -> !ordered.contains(s)).forEach(ordered::add);
        return List.copyOf(ordered);
    }

    Answer check(List<String> servers, String authorization) {
        for (String server : servers) {
            Optional<Answer> answer = ask(server, authorization);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        return new Answer.Unreachable();
    }

    private Optional<Answer> ask(String server, String authorization) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server + "/api/v2/me"))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .GET().build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            LOG.warn("upstream {} unreachable ({}), trying the next one", server, e.getClass().getSimpleName());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new Answer.Unreachable());
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            return Optional.of(new Answer.Rejected(server));
        }
        if (status != 200) {
            LOG.warn("upstream {} answered {}, trying the next one", server, status);
            return Optional.empty();
        }
        Optional<UpstreamUser> user = user(response.body());
        if (user.isEmpty()) {
            LOG.warn("upstream {} answered 200 without a readable user, trying the next one", server);
            return Optional.empty();
        }
        endUpstreamSession(server, response);
        return Optional.of(new Answer.Accepted(user.get(), server));
    }

    private static Optional<UpstreamUser> user(byte[] body) {
        if (body.length == 0 || body.length > MAX_BODY) {
            return Optional.empty();
        }
        try {
            JsonNode root = Json.MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
            JsonNode user = root.path("user");
            JsonNode statusCode = root.path("statusCode");
            if (!user.isObject() || (statusCode.isNumber() && statusCode.asInt() != 0)) {
                return Optional.empty();
            }
            String userName = text(user, "userName");
            if (userName == null) {
                return Optional.empty();
            }
            JsonNode enabled = user.path("enabled");
            return Optional.of(new UpstreamUser(userName, text(user, "firstName"), text(user, "lastName"),
                    text(user, "emailAddress"), !enabled.isBoolean() || enabled.asBoolean()));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isBlank() || value.asString().length() > 256) {
            return null;
        }
        return value.asString().trim();
    }

    private void endUpstreamSession(String server, HttpResponse<?> response) {
        Optional<String> cookie = response.headers().allValues("Set-Cookie").stream()
                .map(v -> v.split(";", 2)[0].trim())
                .filter(v -> v.startsWith(SrsDialect.COOKIE + "=") && v.length() > SrsDialect.COOKIE.length() + 1)
                .findFirst();
        if (cookie.isEmpty()) {
            return;
        }
        HttpRequest logout = HttpRequest.newBuilder(URI.create(server + "/api/v2/me"))
                .timeout(REQUEST_TIMEOUT)
                .header("Cookie", cookie.get())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"operationName\":\"" + SrsPost.END_SESSION + "\"}"))
                .build();
        client.sendAsync(logout, HttpResponse.BodyHandlers.discarding()).exceptionally(e -> null);
    }

    /** {@code scheme://host[:port][/path]} without a trailing slash, lower-case scheme and host; else empty. */
    static Optional<String> normalize(String url) {
        if (url == null || url.isBlank() || url.length() > SrsPost.MAX_URL) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                    || (scheme.equals("https") && port == 443);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (defaultPort ? "" : ":" + port) + path);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
