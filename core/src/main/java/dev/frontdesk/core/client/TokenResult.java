package dev.frontdesk.core.client;

import java.time.Duration;

/** The outcome of a token request. */
public sealed interface TokenResult {
    record Issued(AccessToken token, String accessToken, Duration lifetime) implements TokenResult {
    }

    record AtCap(int limit) implements TokenResult {
    }
}
