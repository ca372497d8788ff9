package dev.frontdesk.server.admin;

import dev.frontdesk.core.credential.PasswordHasher;
import dev.frontdesk.core.support.Secrets;
import dev.frontdesk.core.tenant.ThrottleSettings;
import dev.frontdesk.core.throttle.FailureThrottle;
import dev.frontdesk.core.throttle.InMemoryThrottleCounters;
import dev.frontdesk.server.http.BasicCredentials;
import io.helidon.webserver.http.ServerRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The bootstrap administrator {@code admin}. Its password comes from {@code FRONTDESK_ADMIN_PASSWORD};
 * when that is unset, one is generated on first start, printed once, and only its hash is kept.
 * Verified passwords are remembered by their SHA-256 for a minute so scripts calling the admin API in
 * a loop do not pay an Argon2 hash per call.
 *
 * <p>Besides Basic, the admin API accepts a browser session of the admin console when one is
 * plugged in with {@link #acceptConsoleSessions(ConsoleSessionCheck)}; until then it accepts only Basic.
 */
public final class AdminAuth {
    public static final String USER = "admin";
    private static final String THROTTLE_SCOPE = "(admin)";
    private static final long CACHE_MILLIS = 60_000;

    private final PasswordHasher hasher;
    private final Supplier<String> passwordHash;
    private final Map<String, Long> recentlyVerified = new ConcurrentHashMap<>();
    private volatile ConsoleSessionCheck consoleSessions = ConsoleSessionCheck.NONE;

    private AdminAuth(PasswordHasher hasher, Supplier<String> passwordHash) {
        this.hasher = hasher;
        this.passwordHash = passwordHash;
    }

    /** @param generatedPassword receives a newly generated password, to print once */
    public static AdminAuth bootstrap(Jdbi jdbi, PasswordHasher hasher, String configuredPassword,
                                      java.util.function.Consumer<String> generatedPassword) {
        if (configuredPassword != null && !configuredPassword.isEmpty()) {
            // hashed at the first admin call: start-up does not pay for Argon2
            return new AdminAuth(hasher, new HashedOnFirstUse(hasher, configuredPassword));
        }
        Optional<String> stored = jdbi.withHandle(h -> h.createQuery(
                "SELECT secret_hash FROM server_secrets WHERE name = 'admin'").mapTo(String.class).findOne());
        if (stored.isPresent()) {
            return new AdminAuth(hasher, stored::get);
        }
        String password = Secrets.strong().newSecret();
        String hash = hasher.hash(password);
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO server_secrets (name, secret_hash) VALUES ('admin', :h)")
                .bind("h", hash).execute());
        generatedPassword.accept(password);
        return new AdminAuth(hasher, () -> hash);
    }

    /** The configured password's hash, made once when first asked for (two racing callers both hash: harmless). */
    private static final class HashedOnFirstUse implements Supplier<String> {
        private final PasswordHasher hasher;
        private final String password;
        private volatile String hash;

        HashedOnFirstUse(PasswordHasher hasher, String password) {
            this.hasher = hasher;
            this.password = password;
        }

        @Override
        public String get() {
            String known = hash;
            if (known == null) {
                known = hasher.hash(password);
                hash = known;
            }
            return known;
        }
    }

    private final FailureThrottle throttle = new FailureThrottle(new InMemoryThrottleCounters(), Clock.systemUTC());

    /**
     * Checks Basic credentials of the admin, slowed down like user logins: after a few failures from one
     * client address, further attempts from it must wait (doubling) and are refused before any hashing.
     */
    public Verdict verifyThrottled(Optional<BasicCredentials> credentials, String clientIp) {
        if (credentials.isEmpty()) {
            return Verdict.absent();
        }
        Optional<Duration> wait = throttle.waitBefore(THROTTLE_SCOPE, USER, clientIp, ThrottleSettings.defaults());
        if (wait.isPresent()) {
            return new Verdict(false, wait);
        }
        boolean ok = verify(credentials);
        if (ok) {
            throttle.succeeded(THROTTLE_SCOPE, USER, clientIp);
        } else {
            throttle.failed(THROTTLE_SCOPE, USER, clientIp, ThrottleSettings.defaults());
        }
        return new Verdict(ok, Optional.empty());
    }

    /** The outcome of an admin credential check; {@code retryAfter} is set when the attempt was throttled. */
    public record Verdict(boolean accepted, Optional<Duration> retryAfter) {
        static Verdict absent() {
            return new Verdict(false, Optional.empty());
        }
    }

    public boolean verify(Optional<BasicCredentials> credentials) {
        if (credentials.isEmpty() || !USER.equals(credentials.get().user())) {
            return false;
        }
        String password = credentials.get().password();
        if (password.isEmpty() || password.length() > 1024) {
            return false;
        }
        String key = Secrets.digest(password);
        long now = System.currentTimeMillis();
        Long verifiedAt = recentlyVerified.get(key);
        if (verifiedAt != null && now - verifiedAt < CACHE_MILLIS) {
            return true;
        }
        boolean ok = hasher.matches(password, passwordHash.get());
        if (ok) {
            recentlyVerified.clear();
            recentlyVerified.put(key, now);
        }
        return ok;
    }

    /** Lets the admin console's session cookie stand for the admin in the admin API (see the console package). */
    public void acceptConsoleSessions(ConsoleSessionCheck check) {
        this.consoleSessions = java.util.Objects.requireNonNull(check, "check");
    }

    public ConsoleSessionCheck consoleSessions() {
        return consoleSessions;
    }

    /** How a request stands with respect to a console session cookie. */
    public enum ConsoleVerdict {
        /** No console cookie: the request is judged by Basic alone, as before the console existed. */
        ABSENT,
        /** A live console session, and for a change a matching CSRF token. */
        ACCEPTED,
        /** A console cookie whose session has ended or expired. */
        EXPIRED,
        /** A live console session, but a change without a matching CSRF token (or from a foreign origin). */
        FORBIDDEN
    }

    /** The admin console's side of authentication. */
    @FunctionalInterface
    public interface ConsoleSessionCheck {
        ConsoleSessionCheck NONE = request -> ConsoleVerdict.ABSENT;

        ConsoleVerdict check(ServerRequest request);
    }
}
