package dev.frontdesk.server.http;

/** A client mistake: malformed or missing input. {@code field} names the culprit when there is one. */
public class BadRequest extends RuntimeException {
    private final int status;
    private final String field;

    public BadRequest(String message, String field) {
        this(400, message, field);
    }

    public BadRequest(int status, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    public static BadRequest unsupportedMediaType(String contentType) {
        return new BadRequest(415, "unsupported Content-Type: " + contentType, null);
    }

    public static BadRequest tooLarge(long limit) {
        return new BadRequest(413, "request body is larger than " + limit + " bytes", null);
    }

    /** Broken framing of the body (chunked encoding), told without quoting the client's bytes. */
    public static BadRequest malformedBody() {
        return new BadRequest(400, "malformed request body", null);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
