package dev.frontdesk.client.ece;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Calls ECE APIs that need a user session: adds {@code X-egain-session} to each request, creates the
 * session on first use, and when an API answers 401 (the session timed out or was ended) creates a new
 * session once and retries. A second 401 is returned to the caller as it is.
 *
 * <p>Like {@link ClientTokenProvider}, concurrent callers share one session and one renewal.
 */
public final class EgainSessionRequests {
    public static final String SESSION_HEADER = LoginCall.SESSION_HEADER;

    private final EceLoginNode node;
    private final HttpClient http;
    private final String transactionId;
    private final ReentrantLock lock = new ReentrantLock();
    private CompletableFuture<String> session;

    public EgainSessionRequests(EceLoginNode node, HttpClient http, String transactionId) {
        this.node = Objects.requireNonNull(node, "node");
        this.http = Objects.requireNonNull(http, "http");
        this.transactionId = transactionId;
    }

    /** A copy of {@code request} carrying {@code sessionId} as its only {@code X-egain-session} header. */
    public static HttpRequest withSession(HttpRequest request, String sessionId) {
        return HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase(SESSION_HEADER))
                .header(SESSION_HEADER, sessionId)
                .build();
    }

    /**
     * Sends {@code request} with a session. Fails with {@link SessionUnavailableException} when no session
     * can be created.
     */
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
                                                            HttpResponse.BodyHandler<T> handler) {
        return session().thenCompose(sessionId -> http.sendAsync(withSession(request, sessionId), handler)
                .thenCompose(response -> {
                    if (response.statusCode() != 401) {
                        return CompletableFuture.completedFuture(response);
                    }
                    discard(response);
                    return renewAfterRejection(sessionId)
                            .thenCompose(renewed -> http.sendAsync(withSession(request, renewed), handler));
                }));
    }

    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<T>> future = sendAsync(request, handler);
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = Failures.unwrap(e);
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        }
    }

    private CompletableFuture<String> session() {
        lock.lock();
        try {
            if (session == null || session.isCompletedExceptionally()) {
                session = createSession();
            }
            return session;
        } finally {
            lock.unlock();
        }
    }

    private CompletableFuture<String> renewAfterRejection(String rejected) {
        lock.lock();
        try {
            boolean replacedAlready = !session.isDone()
                    || (!session.isCompletedExceptionally() && !session.join().equals(rejected));
            if (!replacedAlready) {
                session = createSession();
            }
            return session;
        } finally {
            lock.unlock();
        }
    }

    private CompletableFuture<String> createSession() {
        return node.createSessionAsync(transactionId).thenApply(result -> result.sessionId()
                .filter(id -> result.isSuccess())
                .orElseThrow(() -> new SessionUnavailableException(result)));
    }

    private static void discard(HttpResponse<?> response) {
        if (response.body() instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // the body of a refused call is of no use
            }
        }
    }
}
