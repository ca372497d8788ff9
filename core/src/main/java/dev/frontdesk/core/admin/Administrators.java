package dev.frontdesk.core.admin;

import dev.frontdesk.core.auth.Attempt;
import dev.frontdesk.core.auth.AuthOutcome;
import dev.frontdesk.core.auth.Authentication;
import dev.frontdesk.core.auth.CredentialKind;
import dev.frontdesk.core.auth.Verification;
import dev.frontdesk.core.credential.DummyHash;
import dev.frontdesk.core.credential.PasswordHasher;
import dev.frontdesk.core.support.RequestContext;
import dev.frontdesk.core.support.Secrets;
import dev.frontdesk.core.tenant.ThrottleSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The administrators and how their credentials are checked: the admin API's Basic credentials and the
 * console's sign-in both come here, through the one {@link Authentication} step (throttled per name
 * and address, audited like logins). The default tenant's trusted networks and the host itself
 * (loopback) are never held to the hourly cap, so an outsider cannot keep the administrators out.
 *
 * <p>The bootstrap administrator {@code admin} has the password from {@code FRONTDESK_ADMIN_PASSWORD};
 * when that is unset, one is generated on first start, handed to the caller once to print, and only
 * its hash is kept. A password verified with Argon2 is remembered by its SHA-256 for a minute, so a
 * script calling the admin API in a loop does not pay a hash per call (the throttle is still asked
 * first: a remembered password does not pass a throttled address); any other password is hashed.
 */
public final class Administrators {
    public static final String BOOTSTRAP = "admin";
    private static final String SECRET_NAME = "admin";
    private static final Duration VERIFIED_MEMORY = Duration.ofMinutes(1);
    private static final int MAX_PASSWORD = 1024;
    private static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1/128");

    private final PasswordHasher hasher;
    private final Supplier<String> bootstrapHash;
    private final Authentication authentication;
    private final Supplier<List<String>> trustedNetworks;
    private final Clock clock;
    private final DummyHash dummyHash;
    private final Map<String, Instant> recentlyVerified = new ConcurrentHashMap<>();

    private Administrators(PasswordHasher hasher, Supplier<String> bootstrapHash, Authentication authentication,
                           Supplier<List<String>> trustedNetworks, Clock clock) {
        this.hasher = hasher;
        this.bootstrapHash = bootstrapHash;
        this.authentication = authentication;
        this.trustedNetworks = trustedNetworks;
        this.clock = clock;
        this.dummyHash = new DummyHash(hasher);
    }

    /** @param generatedPassword receives a newly generated password, to print once */
    /**
     * @param trustedNetworks networks never held to the hourly cap (the default tenant's), besides loopback;
     *                        the other throttle settings are the defaults, whatever tenants choose
     */
    public static Administrators bootstrap(ServerSecretStore store, PasswordHasher hasher, Authentication authentication,
                                           Supplier<List<String>> trustedNetworks, Clock clock, Secrets secrets,
                                           String configuredPassword, Consumer<String> generatedPassword) {
        if (configuredPassword != null && !configuredPassword.isEmpty()) {
            // hashed at the first admin call: start-up does not pay for Argon2
            return new Administrators(hasher, new HashedOnFirstUse(hasher, configuredPassword), authentication,
                    trustedNetworks, clock);
        }
        var stored = store.findHash(SECRET_NAME);
        if (stored.isPresent()) {
            String hash = stored.get();
            return new Administrators(hasher, () -> hash, authentication, trustedNetworks, clock);
        }
        String password = secrets.newSecret();
        String hash = hasher.hash(password);
        store.insertHash(SECRET_NAME, hash);
        generatedPassword.accept(password);
        return new Administrators(hasher, () -> hash, authentication, trustedNetworks, clock);
    }

    /** Checks an administrator's name and password; {@code context} names the client address and door. */
    public AuthOutcome<String> authenticate(String username, String password, RequestContext context) {
        String name = username == null ? "" : username;
        String secret = password == null || password.length() > MAX_PASSWORD ? "" : password;
        Attempt attempt = new Attempt(Attempt.ADMIN_SCOPE, CredentialKind.ADMINISTRATOR, name, context);
        return authentication.authenticate(attempt,
                ThrottleSettings.defaults().trusting(LOOPBACK).trusting(trustedNetworks.get()), () -> {
            boolean known = BOOTSTRAP.equals(name);
            if (known && !secret.isEmpty() && rememberedAsVerified(secret)) {
                return Verification.verified(BOOTSTRAP);
            }
            boolean matches = hasher.matches(secret, known ? bootstrapHash.get() : dummyHash.value());
            if (known && matches && !secret.isEmpty()) {
                recentlyVerified.clear();
                recentlyVerified.put(Secrets.digest(secret), clock.instant().plus(VERIFIED_MEMORY));
                return Verification.verified(BOOTSTRAP);
            }
            return Verification.rejected(null);
        });
    }

    private boolean rememberedAsVerified(String password) {
        Instant until = recentlyVerified.get(Secrets.digest(password));
        return until != null && clock.instant().isBefore(until);
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
}
