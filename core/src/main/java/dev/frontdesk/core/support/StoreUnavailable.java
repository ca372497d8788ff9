package dev.frontdesk.core.support;

/**
 * A store (database, Redis, any port's backend) does not answer. Adapters throw it at the port,
 * translating their own connection failures and timeouts; core and the HTTP edge know nothing else.
 * Doors answer it with 503 and Retry-After, never with "401, log in again": the session may well be
 * alive, the server just cannot tell right now.
 */
public final class StoreUnavailable extends RuntimeException {
    public StoreUnavailable(String store, Throwable cause) {
        super(store + " is unavailable", cause);
    }

    /** True when {@code error} is, or was caused by, a {@link StoreUnavailable}. */
    public static boolean isCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof StoreUnavailable) {
                return true;
            }
        }
        return false;
    }
}
