package dev.frontdesk.client.ece;

/** The token endpoint refused the client application or answered something unusable. */
public final class TokenRequestException extends RuntimeException {
    private final int httpStatus;
    private final String code;

    public TokenRequestException(int httpStatus, String code, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    /** The token endpoint's status, or 0 when it gave none. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The OAuth error code such as {@code invalid_client}, when the endpoint gave one. */
    public String code() {
        return code;
    }
}
