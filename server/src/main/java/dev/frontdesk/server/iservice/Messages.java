package dev.frontdesk.server.iservice;

/** The error strings iService clients show (they display {@code errors[0]}). */
final class Messages {
    static final String BAD_CREDENTIALS = "The login or password is incorrect.";
    static final String LICENSES_EXHAUSTED = "No session is available at the moment. Please try again later.";
    static final String NOT_LOGGED_IN = "You are not logged in.";
    static final String RESET_NOT_CONFIGURED = "Password reset is not configured for this site.";
    static final String RESET_URL_NOT_ALLOWED = "The reset URL is not allowed for this site.";
    static final String RESET_CODE_INVALID = "This password reset link is invalid, has expired or was already used.";
    static final String EMAIL_REQUIRED = "An e-mail address is required.";
    static final String EMAIL_INVALID = "The e-mail address is not valid.";
    static final String EMAIL_TAKEN = "An account with this e-mail address already exists.";
    static final String USERNAME_TAKEN = "An account with this login already exists.";
    static final String PASSWORD_REQUIRED = "A password is required.";
    static final String PASSWORDS_DIFFER = "The passwords do not match.";
    static final String DIRECTORY_NOT_CONFIGURED = "Directory login is not configured for this site.";
    static final String UNAVAILABLE = "The service is temporarily unavailable. Please try again shortly.";
    static final String DIRECTORY_UNAVAILABLE = "The directory cannot be reached. Please try again later.";
    static final String OPENID_NOT_CONFIGURED = "OpenID login is not configured for this site.";
    static final String OPENID_TOKEN_REQUIRED = "An ID token is required.";
    static final String OPENID_LINKED_ELSEWHERE = "This OpenID identity is already linked to another contact.";

    private Messages() {
    }

    static String sessionLimit(int limit) {
        return "You already have the maximum of " + limit + " sessions. Log out elsewhere, or log in with "
                + "force=true to end your oldest session.";
    }

    static String throttled(long seconds) {
        return "Too many failed attempts. Try again in " + Math.max(1, seconds) + " seconds.";
    }
}
