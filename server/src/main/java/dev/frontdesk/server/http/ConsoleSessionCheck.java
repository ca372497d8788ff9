package dev.frontdesk.server.http;

import io.helidon.webserver.http.ServerRequest;

/**
 * How a request stands with respect to an admin console session cookie. The console implements it;
 * the admin API accepts a console session as an administrator's credential. It lives in the shared
 * edge so that neither door imports the other.
 */
@FunctionalInterface
public interface ConsoleSessionCheck {
    ConsoleSessionCheck NONE = request -> Check.ABSENT;

    Check check(ServerRequest request);

    /** The verdict, and for a live session the administrator who signed in (else null). */
    record Check(Verdict verdict, String administrator) {
        public static final Check ABSENT = new Check(Verdict.ABSENT, null);
        public static final Check EXPIRED = new Check(Verdict.EXPIRED, null);
        public static final Check FORBIDDEN = new Check(Verdict.FORBIDDEN, null);
    }

    enum Verdict {
        /** No console cookie: the request is judged by its other credentials alone. */
        ABSENT,
        /** A live console session, and for a change a matching CSRF token. */
        ACCEPTED,
        /** A console cookie whose session has ended or expired. */
        EXPIRED,
        /** A live console session, but a change without a matching CSRF token (or from a foreign origin). */
        FORBIDDEN
    }
}
