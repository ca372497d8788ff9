package dev.frontdesk.client.ece;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Holds the client application's access token for every flow that shares a {@link NodeRuntimeAuthorization}.
 *
 * <p>The whole state is one future: the token being fetched, or the last one fetched. It is replaced under
 * a lock held only to decide, never during I/O, so any number of concurrent callers that find the token
 * missing, stale or rejected wait on the same single request instead of each sending one. The first
 * request goes to the access token URL; once a token was issued, new ones are asked for at the refresh
 * token URL. A failed request is reported to everyone waiting on it, and the next caller tries again.
 */
public final class ClientTokenProvider {
    private final NodeRuntimeAuthorization authorization;
    private final ClientCredentialsGrant grant;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private CompletableFuture<AccessToken> current;

    public ClientTokenProvider(NodeRuntimeAuthorization authorization, HttpClient http, Clock clock) {
        this.authorization = Objects.requireNonNull(authorization, "authorization");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.grant = new ClientCredentialsGrant(authorization, Objects.requireNonNull(http, "http"), clock);
    }

    /** The node's AUTHORIZE: asks the access token URL for a new token and keeps it. */
    public CompletableFuture<AccessToken> authorize() {
        lock.lock();
        try {
            if (current == null || current.isDone()) {
                current = grant.request(authorization.accessTokenUrl());
            }
            return current;
        } finally {
            lock.unlock();
        }
    }

    /** The kept token while it is fresh; otherwise a new one, shared with every concurrent caller. */
    public CompletableFuture<AccessToken> token() {
        lock.lock();
        try {
            AccessToken held = heldToken();
            if (inFlight() || (held != null && held.isFreshAt(clock.instant()))) {
                return current;
            }
            return fetch();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A new token after a server answered 401 to {@code rejected}. Callers that were rejected with the same
     * token share one refresh; a caller whose token was already replaced gets the replacement.
     */
    public CompletableFuture<AccessToken> refreshAfterRejection(AccessToken rejected) {
        lock.lock();
        try {
            AccessToken held = heldToken();
            if (inFlight() || (held != null && !held.equals(rejected))) {
                return current;
            }
            return fetch();
        } finally {
            lock.unlock();
        }
    }

    private CompletableFuture<AccessToken> fetch() {
        String url = heldToken() != null ? authorization.refreshTokenUrl() : authorization.accessTokenUrl();
        current = grant.request(url);
        return current;
    }

    private boolean inFlight() {
        return current != null && !current.isDone();
    }

    private AccessToken heldToken() {
        if (current == null || !current.isDone() || current.isCompletedExceptionally()) {
            return null;
        }
        return current.join();
    }
}
