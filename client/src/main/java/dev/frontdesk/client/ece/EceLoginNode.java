package dev.frontdesk.client.ece;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The ECE Login flow node's Create Session method: gets the client application's token, logs the user in,
 * and routes by outcome. Every failure becomes a {@link NodeResult}; no method here throws.
 *
 * <p>The login API answers 401 both for a wrong user password and for a revoked bearer token, and the two
 * cannot be told apart, so the first 401 refreshes the token and retries once; a second 401 is
 * {@code onCreateSessionFailure}.
 */
public final class EceLoginNode {
    private final NodeRuntimeAuthorization authorization;
    private final ClientTokenProvider tokens;
    private final LoginCall login;

    public EceLoginNode(NodeRuntimeAuthorization authorization, HttpClient http, Clock clock) {
        this(authorization, new ClientTokenProvider(authorization, http, clock), http);
    }

    /** A node whose token is shared with other nodes of the same client application. */
    public EceLoginNode(NodeRuntimeAuthorization authorization, ClientTokenProvider tokens, HttpClient http) {
        this.authorization = Objects.requireNonNull(authorization, "authorization");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.login = new LoginCall(authorization, Objects.requireNonNull(http, "http"));
    }

    /** A node with its own HTTP/1.1 client whose connect timeout is the configured timeout. */
    public static EceLoginNode create(NodeRuntimeAuthorization authorization) {
        return new EceLoginNode(authorization, httpClientFor(authorization), Clock.systemUTC());
    }

    public static HttpClient httpClientFor(NodeRuntimeAuthorization authorization) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
        if (authorization.timeout().isPositive()) {
            builder.connectTimeout(authorization.timeout());
        }
        return builder.build();
    }

    public NodeRuntimeAuthorization authorization() {
        return authorization;
    }

    public ClientTokenProvider tokens() {
        return tokens;
    }

    public NodeResult createSession(String transactionId) {
        try {
            return createSessionAsync(transactionId).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return route(NodeResult.of(Outcome.ERROR, "interrupted", "interrupted while creating the session", 0));
        } catch (ExecutionException e) {
            return route(Failures.toResult(e));
        }
    }

    public CompletableFuture<NodeResult> createSessionAsync(String transactionId) {
        List<String> problems = new ArrayList<>();
        if (transactionId == null || transactionId.isBlank()) {
            problems.add("transactionId is required");
        }
        problems.addAll(authorization.problems());
        if (!problems.isEmpty()) {
            return CompletableFuture.completedFuture(
                    route(NodeResult.of(Outcome.INVALID_DATA, "invalid_data", String.join("; ", problems), 0)));
        }
        return tokens.token()
                .thenCompose(token -> login.send(token).thenCompose(response -> response.statusCode() == 401
                        ? retryWithNewToken(token) : CompletableFuture.completedFuture(response)))
                .thenApply(LoginCall::toResult)
                .exceptionally(Failures::toResult)
                .thenApply(this::route);
    }

    private CompletableFuture<HttpResponse<String>> retryWithNewToken(AccessToken rejected) {
        return tokens.refreshAfterRejection(rejected).thenCompose(login::send);
    }

    private NodeResult route(NodeResult result) {
        return authorization.isWired(result.outcome()) ? result : result.unrouted();
    }
}
