package dev.frontdesk.server.egain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal in the eGain shape: status, a message key of {@code messages.properties} with its
 * arguments, and any extra headers. Thrown by parsers and handlers, written by {@link EgainReplies}.
 */
final class EgainError extends RuntimeException {
    private final int status;
    private final String key;
    private final transient Object[] args;
    private final Map<String, String> headers = new LinkedHashMap<>();

    EgainError(int status, String key, Object... args) {
        super(key, null, false, false);
        this.status = status;
        this.key = key;
        this.args = args.clone();
    }

    static EgainError badRequest(String key, Object... args) {
        return new EgainError(400, key, args);
    }

    EgainError header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    int status() {
        return status;
    }

    String key() {
        return key;
    }

    Object[] args() {
        return args.clone();
    }

    Map<String, String> headers() {
        return Map.copyOf(headers);
    }
}
