package dev.frontdesk.core.support;

/**
 * A store (database, Redis) does not answer. Dialects turn this into 503 with Retry-After, never into
 * "401, log in again": the session may well be alive, the server just cannot tell right now.
 */
public final class StoreUnavailable extends RuntimeException {
    public StoreUnavailable(String store, Throwable cause) {
        super(store + " is unavailable", cause);
    }

    /** True when {@code error} or one of its causes says a store is unavailable. */
    public static boolean isCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof StoreUnavailable || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.sql.SQLRecoverableException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true; // SQL state class 08: connection exception
            }
            if (t.getClass().getName().startsWith("io.lettuce.core.Redis")) {
                return true;
            }
            if (t.getClass().getName().equals("org.jdbi.v3.core.ConnectionException")) {
                return true;
            }
        }
        return false;
    }
}
