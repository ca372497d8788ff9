package dev.frontdesk.core.audit;

import java.util.Locale;

/** What happened. The wire name ({@code login.succeeded}) is what the admin API shows and filters on. */
public enum AuditType {
    LOGIN_SUCCEEDED, LOGIN_FAILED, LOGIN_THROTTLED, LOGIN_REFUSED_AT_CAP, LOGOUT,
    SESSION_EVICTED, SESSION_EXPIRED, SESSION_ENDED,
    TOKEN_ISSUED, TOKEN_REVOKED, TOKEN_EVICTED, TOKEN_REFUSED,
    CLIENT_AUTH_FAILED, ACCOUNT_UNDER_ATTACK,
    PASSWORD_CHANGED, PASSWORD_RESET_SENT, PASSWORD_RESET_CONFIRMED, PASSWORD_RESET_FAILED,
    ACCOUNT_REGISTERED, OPENID_LINKED,
    ADMIN_CHANGE,
    TOTP_ENROLLED;

    public String wireName() {
        String lower = name().toLowerCase(Locale.ROOT);
        int split = lower.indexOf('_');
        return split < 0 ? lower : lower.substring(0, split) + "." + lower.substring(split + 1).replace('_', '-');
    }

    public static java.util.Optional<AuditType> fromWire(String name) {
        for (AuditType type : values()) {
            if (type.wireName().equalsIgnoreCase(name) || type.name().equalsIgnoreCase(name)) {
                return java.util.Optional.of(type);
            }
        }
        return java.util.Optional.empty();
    }
}
