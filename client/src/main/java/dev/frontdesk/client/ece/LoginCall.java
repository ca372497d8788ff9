package dev.frontdesk.client.ece;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The v12 user login call, and how its answer maps to the node's outcomes. */
final class LoginCall {
    static final String SESSION_HEADER = "X-egain-session";

    private final NodeRuntimeAuthorization authorization;
    private final HttpClient http;

    LoginCall(NodeRuntimeAuthorization authorization, HttpClient http) {
        this.authorization = authorization;
        this.http = http;
    }

    CompletableFuture<HttpResponse<String>> send(AccessToken token) {
        ObjectNode body = JsonMapper.shared().createObjectNode()
                .put("userName", authorization.userName())
                .put("password", authorization.password());
        HttpRequest request = HttpRequest.newBuilder(authorization.loginUri())
                .timeout(authorization.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token.value())
                .POST(HttpRequest.BodyPublishers.ofString(JsonMapper.shared().writeValueAsString(body)))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** 204 (or 200) with a session is success, 401/403 is a refused user, anything else an error. */
    static NodeResult toResult(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 204 || status == 200) {
            return response.headers().firstValue(SESSION_HEADER).filter(id -> !id.isBlank())
                    .map(id -> NodeResult.success(id, status))
                    .orElseGet(() -> NodeResult.of(Outcome.ERROR, "malformed_response",
                            "login answered HTTP " + status + " without an " + SESSION_HEADER + " header", status));
        }
        ErrorBody error = ErrorBody.parse(response.body());
        String code = error.code() != null ? error.code() : String.valueOf(status);
        String message = error.message() != null ? error.message() : "login answered HTTP " + status;
        Outcome outcome = status == 401 || status == 403 ? Outcome.CREATE_SESSION_FAILURE : Outcome.ERROR;
        return NodeResult.of(outcome, code, message, status);
    }
}
