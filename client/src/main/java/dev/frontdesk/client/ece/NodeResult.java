package dev.frontdesk.client.ece;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one Create Session run produced, in the platform's node shape. Never holds the user's password, the
 * client secret or the access token.
 *
 * @param variables  the output variables: {@value #SESSION_VARIABLE} on success, otherwise none
 * @param code       the server's error code or HTTP status, or a local reason such as {@code timeout}
 * @param message    a human-readable explanation, the server's own message when it sent one
 * @param httpStatus the status of the last answer, 0 when none was received
 */
public record NodeResult(Outcome outcome, Map<String, String> variables, String code, String message,
                         int httpStatus) {
    public static final String SESSION_VARIABLE = "xEgainSession";

    public NodeResult {
        Objects.requireNonNull(outcome, "outcome");
        variables = Map.copyOf(Objects.requireNonNullElse(variables, Map.of()));
    }

    public static NodeResult success(String sessionId, int httpStatus) {
        return new NodeResult(Outcome.CREATE_SESSION_SUCCESS, Map.of(SESSION_VARIABLE, sessionId),
                String.valueOf(httpStatus), "session created", httpStatus);
    }

    public static NodeResult of(Outcome outcome, String code, String message, int httpStatus) {
        return new NodeResult(outcome, Map.of(), code, message, httpStatus);
    }

    public Optional<String> sessionId() {
        return Optional.ofNullable(variables.get(SESSION_VARIABLE));
    }

    public boolean isSuccess() {
        return outcome == Outcome.CREATE_SESSION_SUCCESS;
    }

    /** This result as the flow sees it when its outcome is not wired: {@code onInvalidChoice}. */
    NodeResult unrouted() {
        return new NodeResult(Outcome.INVALID_CHOICE, variables, code,
                "no outcome wired for " + outcome.wireName() + (message == null ? "" : ": " + message), httpStatus);
    }
}
