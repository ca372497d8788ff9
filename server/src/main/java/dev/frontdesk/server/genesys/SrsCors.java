package dev.frontdesk.server.genesys;

import dev.frontdesk.server.http.OriginPolicy;

/**
 * The CORS answer of the SRS endpoints: their methods, the headers SRS clients send and read, and
 * credentials (the session is a cookie). Who is allowed is the shared {@link OriginPolicy}.
 */
final class SrsCors {
    static final String ALLOW_METHODS = "GET,POST,OPTIONS";
    static final OriginPolicy.Cors CORS = new OriginPolicy.Cors(ALLOW_METHODS,
            "Authorization, Content-Type, X-Support-CSRFP, X-CSRF-Token, Cookie", "X-CSRF-HEADER, X-CSRF-TOKEN",
            true, 120);

    private SrsCors() {
    }
}
