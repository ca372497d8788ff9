package dev.frontdesk.core.admin;

import dev.frontdesk.core.audit.Audit;
import dev.frontdesk.core.audit.AuditType;
import dev.frontdesk.core.auth.Attempt;
import dev.frontdesk.core.auth.AuthOutcome;
import dev.frontdesk.core.auth.Authentication;
import dev.frontdesk.core.auth.CredentialKind;
import dev.frontdesk.core.auth.Verification;
import dev.frontdesk.core.credential.DummyHash;
import dev.frontdesk.core.credential.PasswordHasher;
import dev.frontdesk.core.credential.Totp;
import dev.frontdesk.core.credential.TotpEnrolment;
import dev.frontdesk.core.support.RequestContext;
import dev.frontdesk.core.support.Secrets;
import dev.frontdesk.core.support.Validation;
import dev.frontdesk.core.tenant.ThrottleSettings;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The administrators, their roles and second factors, and how their credentials are checked: the
 * admin API's Basic credentials, the console's sign-in and its one-time codes all come here, through
 * the one {@link Authentication} step (throttled per name and address, audited like logins).
 *
 * <p>The bootstrap administrator {@code admin} is the first owner. Its password comes from
 * {@code FRONTDESK_ADMIN_PASSWORD}; when that is unset, one is generated on first start, handed to
 * the caller once to print, and only its hash is kept. It cannot be deleted or demoted, so there is
 * always an owner. Named administrators have Argon2id hashes of their own.
 *
 * <p>Basic on the admin API is a password alone, so it is refused to an administrator who has a
 * second factor: once enrolled, only the console (password + code) and admin tokens work for them.
 * The bootstrap owner keeps Basic as the break-glass path unless {@link Policy#bootstrapBasic()} is
 * off. A password verified with Argon2 is remembered by its SHA-256 for a minute per administrator,
 * so a script calling the admin API with Basic in a loop does not pay a hash per call; a console
 * sign-in is always hashed and throttled.
 *
 * <p>A TOTP code is accepted once: the step it matched is advanced atomically in the store, so the
 * same code (or an older one) is refused afterwards, also on another node. Recovery codes are 64
 * random bits each, stored as SHA-256 and deleted when used.
 */
public final class Administrators {
    public static final String BOOTSTRAP = "admin";
    public static final String ISSUER = "Frontdesk";
    public static final int RECOVERY_CODES = 10;
    private static final String SECRET_NAME = "admin";
    private static final Duration VERIFIED_MEMORY = Duration.ofMinutes(1);
    private static final int MAX_PASSWORD = 1024;
    private static final int MIN_PASSWORD = 12;
    private static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1/128");
    private static final String SCOPE = Attempt.ADMIN_SCOPE;

    /** Deployment-wide rules. */
    public record Policy(boolean bootstrapBasic, boolean secondFactorRequired) {
        public static Policy defaults() {
            return new Policy(true, false);
        }
    }

    /** The answer to a console sign-in. */
    public sealed interface SignIn {
        /** Signed in; {@code enrolmentOnly} when a factor is required but none is enrolled yet. */
        record SignedIn(Administrator administrator, boolean enrolmentOnly) implements SignIn {
        }

        /** The password is right; a code must come with it. */
        record CodeRequired() implements SignIn {
        }

        /** The password is right, but this administrator's factor is a passkey: sign in with it instead. */
        record PasskeyRequired() implements SignIn {
        }

        record Refused() implements SignIn {
        }

        record Throttled(Duration retryAfter) implements SignIn {
        }

        record Unavailable() implements SignIn {
        }
    }

    private final AdministratorStore store;
    private final PasswordHasher hasher;
    private final Supplier<String> bootstrapHash;
    private final Authentication authentication;
    private final Audit audit;
    private final Clock clock;
    private final SecureRandom random;
    private final Policy policy;
    private final Supplier<List<String>> trustedNetworks;
    private final DummyHash dummyHash;
    private final Map<String, Remembered> recentlyVerified = new ConcurrentHashMap<>();
    private final Map<String, Challenge> challenges = new ConcurrentHashMap<>();
    private final PasskeyVerifier passkeys;
    public static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);
    private static final int MAX_CHALLENGES = 10_000;

    private record Remembered(String digest, Instant until) {
    }

    private Administrators(AdministratorStore store, PasskeyVerifier passkeys, PasswordHasher hasher,
                           Supplier<String> bootstrapHash, Authentication authentication, Audit audit, Clock clock,
                           Policy policy, Supplier<List<String>> trustedNetworks) {
        this.trustedNetworks = trustedNetworks;
        this.store = store;
        this.passkeys = passkeys;
        this.hasher = hasher;
        this.bootstrapHash = bootstrapHash;
        this.authentication = authentication;
        this.audit = audit;
        this.clock = clock;
        this.random = new SecureRandom();
        this.policy = policy;
        this.dummyHash = new DummyHash(hasher);
    }

    /**
     * @param trustedNetworks   networks never held to the hourly cap (the default tenant's), besides loopback;
     *                          the other throttle settings are the defaults, whatever tenants choose
     * @param generatedPassword receives a newly generated password, to print once
     */
    public static Administrators bootstrap(AdministratorStore store, PasskeyVerifier passkeys,
                                           ServerSecretStore secretStore,
                                           PasswordHasher hasher, Authentication authentication, Audit audit,
                                           Clock clock, Secrets secrets, Policy policy,
                                           Supplier<List<String>> trustedNetworks, String configuredPassword,
                                           Consumer<String> generatedPassword) {
        if (store.find(BOOTSTRAP).isEmpty()) {
            try {
                store.insert(new Administrator(BOOTSTRAP, AdminRole.OWNER, Set.of(), null, clock.instant(), null, null,
                        0, 0));
            } catch (AdministratorStore.DuplicateAdministrator raced) {
                // another node made it first
            }
        }
        Supplier<String> hash;
        if (configuredPassword != null && !configuredPassword.isEmpty()) {
            // hashed at the first admin call: start-up does not pay for Argon2
            hash = new HashedOnFirstUse(hasher, configuredPassword);
        } else {
            var stored = secretStore.findHash(SECRET_NAME);
            if (stored.isPresent()) {
                String known = stored.get();
                hash = () -> known;
            } else {
                String password = secrets.newSecret();
                String made = hasher.hash(password);
                secretStore.insertHash(SECRET_NAME, made);
                generatedPassword.accept(password);
                hash = () -> made;
            }
        }
        return new Administrators(store, passkeys, hasher, hash, authentication, audit, clock, policy,
                trustedNetworks);
    }

    /**
     * The throttle of every administrator credential: the defaults, whatever tenants choose, with the host
     * itself (loopback) and the default tenant's trusted networks exempt from the hourly cap, so an
     * outsider cannot keep the administrators out.
     */
    private ThrottleSettings throttle() {
        return ThrottleSettings.defaults().trusting(LOOPBACK).trusting(trustedNetworks.get());
    }

    public Policy policy() {
        return policy;
    }

    public Optional<Administrator> find(String username) {
        try {
            return store.find(Administrator.normalize(username));
        } catch (Validation e) {
            return Optional.empty();
        }
    }

    public List<Administrator> all() {
        return store.findAll();
    }

    // ---- credentials ----------------------------------------------------------------------------

    /** Checks a name and password only (no second factor); {@code context} names the address and door. */
    public AuthOutcome<Administrator> authenticate(String username, String password, RequestContext context) {
        return checkPassword(username, password, context, false);
    }

    /**
     * Checks Basic credentials for the admin API: a password alone, so refused to an administrator with
     * a second factor, and to the bootstrap owner when the break-glass path is off.
     */
    public AuthOutcome<Administrator> authenticateBasic(String username, String password, RequestContext context) {
        return checkPassword(username, password, context, true);
    }

    private AuthOutcome<Administrator> checkPassword(String username, String password, RequestContext context,
                                                     boolean basic) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        String secret = password == null || password.length() > MAX_PASSWORD ? "" : password;
        Attempt attempt = new Attempt(SCOPE, CredentialKind.ADMINISTRATOR, name, context);
        if (basic && BOOTSTRAP.equals(name) && !policy.bootstrapBasic()) {
            return authentication.refuse(attempt, throttle(), "basic turned off for the bootstrap owner");
        }
        // the memo spares scripts calling the API in a loop; a sign-in always meets the throttle
        if (basic && !secret.isEmpty() && rememberedAsVerified(name, secret)) {
            Optional<Administrator> admin = store.find(name);
            if (admin.isPresent() && (!basic || basicAllowed(admin.get()))) {
                return new AuthOutcome.Accepted<>(admin.get());
            }
        }
        return authentication.authenticate(attempt, throttle(), () -> {
            Optional<Administrator> admin = find(name);
            String hash = admin.map(a -> a.isBootstrap() ? bootstrapHash.get() : a.passwordHash())
                    .orElse(dummyHash.value());
            boolean matches = hasher.matches(secret, hash == null ? dummyHash.value() : hash);
            if (admin.isEmpty() || !matches || secret.isEmpty()) {
                return Verification.rejected(null);
            }
            if (basic && !basicAllowed(admin.get())) {
                return Verification.rejected("basic refused: a second factor is enrolled");
            }
            recentlyVerified.put(name, new Remembered(Secrets.digest(name + "\0" + secret),
                    clock.instant().plus(VERIFIED_MEMORY)));
            return Verification.verified(admin.get());
        });
    }

    private boolean basicAllowed(Administrator admin) {
        return admin.isBootstrap() ? policy.bootstrapBasic() : !admin.hasSecondFactor();
    }

    private boolean rememberedAsVerified(String name, String password) {
        Remembered remembered = recentlyVerified.get(name);
        return remembered != null && clock.instant().isBefore(remembered.until())
                && Secrets.constantTimeEquals(remembered.digest(), Secrets.digest(name + "\0" + password));
    }

    /**
     * The console's sign-in: the password, then (when one is enrolled) a TOTP or recovery code. Without
     * a code the answer to a right password is {@link SignIn.CodeRequired}; the console then asks for it.
     */
    public SignIn signIn(String username, String password, String code, RequestContext context) {
        Administrator admin;
        switch (authenticate(username, password, context)) {
            case AuthOutcome.Accepted<Administrator> a -> admin = a.who();
            case AuthOutcome.Throttled<Administrator> t -> {
                return new SignIn.Throttled(t.retryAfter());
            }
            case AuthOutcome.Unavailable<Administrator> u -> {
                return new SignIn.Unavailable();
            }
            case AuthOutcome.Refused<Administrator> r -> {
                return new SignIn.Refused();
            }
        }
        if (admin.hasSecondFactor()) {
            if (admin.totpSecret() == null) {
                return new SignIn.PasskeyRequired();
            }
            if (code == null || code.isBlank()) {
                return new SignIn.CodeRequired();
            }
            switch (verifyCode(admin, code, context)) {
                case AuthOutcome.Accepted<Administrator> a -> {
                }
                case AuthOutcome.Throttled<Administrator> t -> {
                    return new SignIn.Throttled(t.retryAfter());
                }
                case AuthOutcome.Unavailable<Administrator> u -> {
                    return new SignIn.Unavailable();
                }
                case AuthOutcome.Refused<Administrator> r -> {
                    return new SignIn.Refused();
                }
            }
        }
        boolean enrolmentOnly = !admin.hasSecondFactor() && policy.secondFactorRequired();
        audit.record(AuditType.LOGIN_SUCCEEDED, SCOPE, admin.username(), context,
                admin.hasSecondFactor() ? "console: password + second factor" : "console: password");
        return new SignIn.SignedIn(admin, enrolmentOnly);
    }

    /** A TOTP code (each accepted once) or a recovery code (each usable once), through the one step. */
    public AuthOutcome<Administrator> verifyCode(Administrator admin, String code, RequestContext context) {
        Attempt attempt = new Attempt(SCOPE, CredentialKind.SECOND_FACTOR, admin.username(), context);
        return authentication.authenticate(attempt, throttle(), () -> {
            String presented = code == null ? "" : code.trim();
            if (presented.length() > 64) {
                return Verification.rejected("malformed code");
            }
            if (admin.totpSecret() != null) {
                OptionalLong step = Totp.matchingStep(admin.totpSecret(), presented, clock.instant());
                if (step.isPresent()) {
                    return store.advanceTotpStep(admin.username(), step.getAsLong())
                            ? Verification.verified(admin)
                            : Verification.rejected("replayed code");
                }
            }
            String normalized = normalizeRecoveryCode(presented);
            if (normalized != null && store.consumeRecoveryCode(admin.username(), Secrets.digest(normalized))) {
                audit.record(AuditType.ADMIN_CHANGE, SCOPE, admin.username(), context,
                        "recovery code used; left: " + store.recoveryCodesLeft(admin.username()));
                return Verification.verified(admin);
            }
            return Verification.rejected("wrong code");
        });
    }

    // ---- second factors ---------------------------------------------------------------------------

    /** Draws a new TOTP key for the administrator, kept pending until a code confirms it. */
    public TotpEnrolment beginTotp(String username, RequestContext actor) {
        Administrator admin = require(username);
        String secret = Totp.newSecret(random);
        store.update(admin.withTotp(admin.totpSecret(), secret));
        return new TotpEnrolment(secret, Totp.uri(ISSUER, admin.username(), secret));
    }

    /** The result of confirming a TOTP key. */
    public sealed interface Confirmation {
        /** Enrolled; the recovery codes are shown this once. */
        record Enrolled(List<String> recoveryCodes) implements Confirmation {
            @Override
            public String toString() {
                return "Enrolled[" + recoveryCodes.size() + " codes]";
            }
        }

        record NothingPending() implements Confirmation {
        }

        record WrongCode() implements Confirmation {
        }

        record Throttled(Duration retryAfter) implements Confirmation {
        }
    }

    /** Confirms the pending key with a code from the app; the key then replaces any earlier one. */
    public Confirmation confirmTotp(String username, String code, RequestContext actor) {
        Administrator admin = require(username);
        if (admin.totpPending() == null) {
            return new Confirmation.NothingPending();
        }
        Attempt attempt = new Attempt(SCOPE, CredentialKind.SECOND_FACTOR, admin.username(), actor);
        AuthOutcome<Long> outcome = authentication.authenticate(attempt, throttle(), () -> {
            OptionalLong step = Totp.matchingStep(admin.totpPending(), code, clock.instant());
            return step.isPresent() ? Verification.verified(step.getAsLong()) : Verification.rejected("wrong code");
        });
        return switch (outcome) {
            case AuthOutcome.Accepted<Long> a -> {
                store.update(admin.withTotp(admin.totpPending(), null));
                store.advanceTotpStep(admin.username(), a.who());
                List<String> codes = newRecoveryCodes(admin.username());
                audit.record(AuditType.ADMIN_CHANGE, SCOPE, admin.username(), actor, "totp enrolled");
                yield new Confirmation.Enrolled(codes);
            }
            case AuthOutcome.Throttled<Long> t -> new Confirmation.Throttled(t.retryAfter());
            default -> new Confirmation.WrongCode();
        };
    }

    /** Replaces the recovery codes; the new ones are returned this once. */
    public List<String> regenerateRecoveryCodes(String username, RequestContext actor) {
        Administrator admin = require(username);
        Validation.require(admin.hasSecondFactor(), "totp", "enrol TOTP first");
        List<String> codes = newRecoveryCodes(admin.username());
        audit.record(AuditType.ADMIN_CHANGE, SCOPE, admin.username(), actor, "recovery codes replaced");
        return codes;
    }

    public int recoveryCodesLeft(String username) {
        return store.recoveryCodesLeft(require(username).username());
    }

    /** Removes every second factor (a lost phone): the owner's remedy, audited. */
    public boolean removeSecondFactors(String username, RequestContext actor) {
        Administrator admin = require(username);
        store.update(admin.withTotp(null, null));
        store.replaceRecoveryCodes(admin.username(), List.of());
        store.deletePasskeys(admin.username());
        recentlyVerified.remove(admin.username());
        audit.record(AuditType.ADMIN_CHANGE, SCOPE, admin.username(), actor, "second factors removed");
        return admin.hasSecondFactor();
    }

    private List<String> newRecoveryCodes(String username) {
        HexFormat hex = HexFormat.of();
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            byte[] bytes = new byte[8];
            random.nextBytes(bytes);
            String raw = hex.formatHex(bytes);
            codes.add(raw.substring(0, 4) + "-" + raw.substring(4, 8) + "-" + raw.substring(8, 12) + "-"
                    + raw.substring(12));
            hashes.add(Secrets.digest(raw));
        }
        store.replaceRecoveryCodes(username, hashes);
        return codes;
    }

    /** {@code abcd-ef01-2345-6789} (any case, dashes and spaces optional) to 16 hex digits; else null. */
    private static String normalizeRecoveryCode(String code) {
        String clean = code.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
        return clean.length() == 16 && clean.chars().allMatch(c -> Character.digit(c, 16) >= 0) ? clean : null;
    }

    // ---- passkeys (WebAuthn) ----------------------------------------------------------------------

    /** What the browser needs to create a passkey: a fresh challenge, the user handle, the keys it has. */
    public record PasskeyCreation(byte[] challenge, byte[] userHandle, String username, List<String> existing) {
    }

    /**
     * Starts adding a passkey for a signed-in administrator. The challenge (256 random bits) is kept in
     * memory for {@link #CHALLENGE_LIFETIME} and used once; behind a load balancer the ceremony's two
     * requests must reach the same node (sticky sessions), like the console session itself.
     */
    public PasskeyCreation beginPasskey(String username) {
        Administrator admin = require(username);
        byte[] challenge = newChallenge(admin.username());
        return new PasskeyCreation(challenge, admin.username().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                admin.username(), store.passkeysOf(admin.username()).stream().map(Passkey::credentialId).toList());
    }

    /** Verifies the browser's attestation for the pending challenge and stores the passkey. */
    public boolean finishPasskey(String username, byte[] clientDataJson, byte[] attestationObject,
                                 PasskeyVerifier.RelyingParty rp, RequestContext actor) {
        Administrator admin = require(username);
        byte[] challenge = takeChallenge(admin.username());
        if (challenge == null) {
            return false;
        }
        Optional<PasskeyVerifier.Registered> registered = passkeys.verifyRegistration(clientDataJson, attestationObject,
                challenge, rp);
        if (registered.isEmpty()) {
            return false;
        }
        store.insertPasskey(new Passkey(registered.get().credentialId(), admin.username(), registered.get().material(),
                registered.get().signCount(), clock.instant()));
        audit.record(AuditType.ADMIN_CHANGE, SCOPE, admin.username(), actor, "passkey added");
        return true;
    }

    /** A challenge for a passkey sign-in (discoverable credentials: no user name asked first). */
    public byte[] beginPasskeySignIn() {
        return newChallenge(null);
    }

    /**
     * A console sign-in with a passkey: the credential names the administrator; the assertion (with
     * user verification) is the whole proof, so it counts as a sign-in with a second factor. It goes
     * through the one authentication step, throttled per administrator and address.
     */
    public SignIn passkeySignIn(byte[] challenge, byte[] credentialId, byte[] clientDataJson, byte[] authenticatorData,
                                byte[] signature, byte[] userHandle, PasskeyVerifier.RelyingParty rp,
                                RequestContext context) {
        String key = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(challenge);
        Challenge pending = challenges.remove(key);
        if (pending == null || pending.username() != null || !clock.instant().isBefore(pending.until())) {
            return new SignIn.Refused();
        }
        String id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(credentialId);
        Optional<Passkey> passkey = id.length() > 1400 ? Optional.empty() : store.findPasskey(id);
        Attempt attempt = new Attempt(SCOPE, CredentialKind.SECOND_FACTOR, passkey.map(Passkey::username).orElse("(passkey)"),
                context);
        AuthOutcome<Administrator> outcome = authentication.authenticate(attempt, throttle(), () -> {
            if (passkey.isEmpty()) {
                return Verification.rejected("unknown passkey");
            }
            OptionalLong count = passkeys.verifyAssertion(credentialId, clientDataJson, authenticatorData, signature,
                    userHandle, passkey.get().material(), passkey.get().signCount(), challenge, rp);
            Optional<Administrator> admin = store.find(passkey.get().username());
            if (count.isEmpty() || admin.isEmpty()) {
                return Verification.rejected("passkey assertion refused");
            }
            store.updateSignCount(id, count.getAsLong());
            return Verification.verified(admin.get());
        });
        return switch (outcome) {
            case AuthOutcome.Accepted<Administrator> a -> {
                audit.record(AuditType.LOGIN_SUCCEEDED, SCOPE, a.who().username(), context, "console: passkey");
                yield new SignIn.SignedIn(a.who(), false);
            }
            case AuthOutcome.Throttled<Administrator> t -> new SignIn.Throttled(t.retryAfter());
            case AuthOutcome.Unavailable<Administrator> u -> new SignIn.Unavailable();
            case AuthOutcome.Refused<Administrator> r -> new SignIn.Refused();
        };
    }

    private record Challenge(String username, Instant until) {
    }

    private byte[] newChallenge(String username) {
        Instant now = clock.instant();
        challenges.values().removeIf(c -> !now.isBefore(c.until()));
        if (challenges.size() > MAX_CHALLENGES) {
            challenges.clear(); // a flood of unanswered ceremonies: start over rather than grow
        }
        byte[] challenge = new byte[32];
        random.nextBytes(challenge);
        if (username != null) {
            challenges.values().removeIf(c -> username.equals(c.username()));
        }
        challenges.put(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(challenge),
                new Challenge(username, now.plus(CHALLENGE_LIFETIME)));
        return challenge;
    }

    private byte[] takeChallenge(String username) {
        Instant now = clock.instant();
        for (var entry : challenges.entrySet()) {
            if (username.equals(entry.getValue().username()) && challenges.remove(entry.getKey(), entry.getValue())) {
                return now.isBefore(entry.getValue().until())
                        ? java.util.Base64.getUrlDecoder().decode(entry.getKey()) : null;
            }
        }
        return null;
    }

    // ---- management -------------------------------------------------------------------------------

    public Administrator create(String username, String password, AdminRole role, Set<String> tenants,
                                RequestContext actor) {
        String name = Administrator.normalize(username);
        requirePassword(password);
        Administrator admin = new Administrator(name, role, tenants, hasher.hash(password), clock.instant(), null,
                null, 0, 0);
        store.insert(admin);
        audit.record(AuditType.ADMIN_CHANGE, SCOPE, name, actor, "administrator created: " + role.wireName()
                + (admin.tenants().isEmpty() ? "" : " " + String.join(",", admin.tenants())));
        return admin;
    }

    /** Changes role/tenants and/or the password; the bootstrap owner stays an owner. */
    public Optional<Administrator> update(String username, AdminRole role, Set<String> tenants, String password,
                                          RequestContext actor) {
        Optional<Administrator> found = find(username);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Administrator admin = found.get();
        AdminRole newRole = role == null ? admin.role() : role;
        Set<String> newTenants = tenants != null ? tenants : (newRole == AdminRole.TENANT_ADMIN ? admin.tenants() : Set.of());
        Validation.require(!admin.isBootstrap() || newRole == AdminRole.OWNER, "role",
                "the bootstrap administrator is always an owner");
        Administrator updated = admin.with(newRole, newTenants);
        List<String> changed = new ArrayList<>();
        if (newRole != admin.role() || !newTenants.equals(admin.tenants())) {
            changed.add("role " + newRole.wireName() + (newTenants.isEmpty() ? "" : " " + String.join(",", newTenants)));
        }
        if (password != null) {
            Validation.require(!admin.isBootstrap(), "password",
                    "the bootstrap administrator's password comes from FRONTDESK_ADMIN_PASSWORD");
            requirePassword(password);
            updated = updated.withPasswordHash(hasher.hash(password));
            changed.add("password");
        }
        store.update(updated);
        recentlyVerified.remove(admin.username());
        audit.record(AuditType.ADMIN_CHANGE, SCOPE, admin.username(), actor,
                "administrator changed: " + (changed.isEmpty() ? "nothing" : String.join("; ", changed)));
        return Optional.of(updated);
    }

    public boolean delete(String username, RequestContext actor) {
        Optional<Administrator> admin = find(username);
        if (admin.isEmpty()) {
            return false;
        }
        Validation.require(!admin.get().isBootstrap(), "username", "the bootstrap administrator cannot be deleted");
        boolean deleted = store.delete(admin.get().username());
        recentlyVerified.remove(admin.get().username());
        if (deleted) {
            audit.record(AuditType.ADMIN_CHANGE, SCOPE, admin.get().username(), actor, "administrator deleted");
        }
        return deleted;
    }

    private Administrator require(String username) {
        return find(username).orElseThrow(() -> new Validation("username", "unknown administrator"));
    }

    private static void requirePassword(String password) {
        Validation.require(password != null && password.length() >= MIN_PASSWORD && password.length() <= MAX_PASSWORD,
                "password", "password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
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
