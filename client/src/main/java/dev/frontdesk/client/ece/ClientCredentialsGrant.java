package dev.frontdesk.client.ece;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One OAuth 2 client-credentials call: Basic client authentication in, a bearer {@link AccessToken} out. */
final class ClientCredentialsGrant {
    private final NodeRuntimeAuthorization authorization;
    private final HttpClient http;
    private final Clock clock;

    ClientCredentialsGrant(NodeRuntimeAuthorization authorization, HttpClient http, Clock clock) {
        this.authorization = authorization;
        this.http = http;
        this.clock = clock;
    }

    CompletableFuture<AccessToken> request(String tokenUrl) {
        String credentials = authorization.clientId() + ":" + authorization.clientSecret();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(tokenUrl))
                    .timeout(authorization.timeout())
                    .header("Authorization", "Basic "
                            + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(this::toToken);
    }

    private AccessToken toToken(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            ErrorBody error = ErrorBody.parse(response.body());
            String message = error.message() != null ? error.message()
                    : "token endpoint answered HTTP " + response.statusCode();
            throw new TokenRequestException(response.statusCode(), error.code(), message);
        }
        JsonNode json;
        try {
            json = JsonMapper.shared().readTree(response.body());
        } catch (JacksonException e) {
            throw malformed("token endpoint answered a body that is not JSON");
        }
        JsonNode token = json.path("access_token");
        if (!token.isString() || token.asString().isBlank()) {
            throw malformed("token endpoint answered without access_token");
        }
        JsonNode type = json.path("token_type");
        if (!type.isMissingNode() && !type.asString().equalsIgnoreCase("Bearer")) {
            throw malformed("token endpoint answered token_type " + type.asString() + ", expected Bearer");
        }
        return AccessToken.issued(token.asString(), clock.instant(), lifetime(json.path("expires_in")),
                authorization.refreshSkew());
    }

    private static Duration lifetime(JsonNode expiresIn) {
        if (expiresIn.isMissingNode() || expiresIn.isNull()) {
            return null;
        }
        if (expiresIn.canConvertToLong() || expiresIn.isString()) {
            try {
                long seconds = expiresIn.isString() ? Long.parseLong(expiresIn.asString()) : expiresIn.asLong();
                if (seconds >= 0) {
                    return Duration.ofSeconds(seconds);
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw malformed("token endpoint answered an unusable expires_in");
    }

    private static TokenRequestException malformed(String message) {
        return new TokenRequestException(200, "malformed_response", message);
    }
}
