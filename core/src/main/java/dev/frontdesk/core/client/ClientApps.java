package dev.frontdesk.core.client;

import dev.frontdesk.core.audit.Audit;
import dev.frontdesk.core.audit.AuditType;
import dev.frontdesk.core.auth.Attempt;
import dev.frontdesk.core.auth.AuthOutcome;
import dev.frontdesk.core.auth.Authentication;
import dev.frontdesk.core.auth.CredentialKind;
import dev.frontdesk.core.auth.Verification;
import dev.frontdesk.core.credential.DummyHash;
import dev.frontdesk.core.credential.PasswordHasher;
import dev.frontdesk.core.session.Admission;
import dev.frontdesk.core.support.RequestContext;
import dev.frontdesk.core.support.Secrets;
import dev.frontdesk.core.support.Validation;
import dev.frontdesk.core.tenant.TenantSettings;
import dev.frontdesk.core.tenant.Tenants;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Client applications and their access tokens (RFC 6749 client credentials). Secrets may be chosen
 * by an admin, so they are Argon2-hashed like passwords; tokens are ours (128 random bits) and
 * SHA-256 suffices, which keeps token validation as cheap as session validation.
 *
 * <p>A client calls the token endpoint far more often than a person logs in, with the same secret
 * each time. After one successful Argon2 verification the client and the SHA-256 of its secret are
 * remembered in memory (never stored) for {@link #VERIFIED_SECRET_MEMORY}, so later grants cost one
 * SHA-256 and no store read; any other secret still goes through Argon2. Deleting the client forgets it
 * at once on this node; other nodes are told through {@link #forget} (a client has no other change).
 */
public final class ClientApps {
    private final ClientStore clients;
    private final TokenStore tokens;
    private final Tenants tenants;
    private final PasswordHasher hasher;
    private final Audit audit;
    private final Authentication authentication;
    private final Clock clock;
    private final Secrets secrets;
    private static final Duration VERIFIED_SECRET_MEMORY = Duration.ofMinutes(1);

    private final DummyHash dummyHash;
    private final java.util.Map<String, VerifiedSecret> verifiedSecrets = new java.util.concurrent.ConcurrentHashMap<>();

    private record VerifiedSecret(ClientApp client, String secretDigest, Instant until) {
    }

    public ClientApps(ClientStore clients, TokenStore tokens, Tenants tenants, PasswordHasher hasher, Audit audit,
                      Authentication authentication, Clock clock, Secrets secrets) {
        this.authentication = authentication;
        this.clients = clients;
        this.tokens = tokens;
        this.tenants = tenants;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.secrets = secrets;
        this.dummyHash = new DummyHash(hasher);
    }

    /** Registers a client; a secret is generated when none is given. */
    public NewClient register(String tenant, String clientId, String clientSecret, String name, RequestContext context) {
        tenants.require(tenant);
        String secret = clientSecret == null ? secrets.newSecret() : clientSecret;
        Validation.require(!secret.isBlank() && secret.length() <= 512, "clientSecret",
                "clientSecret must be 1-512 characters");
        ClientApp client = new ClientApp(tenant, clientId, name, hasher.hash(secret), clock.instant());
        clients.insert(client);
        audit.record(AuditType.ADMIN_CHANGE, tenant, null, context, "client registered: " + clientId);
        return new NewClient(client, secret);
    }

    public Optional<ClientApp> find(String tenant, String clientId) {
        return clients.find(tenant, clientId);
    }

    public List<ClientApp> all(String tenant) {
        return clients.findAll(tenant);
    }

    /** Deletes the client and revokes its tokens. */
    public boolean delete(String tenant, String clientId, RequestContext context) {
        forget(tenant, clientId);
        if (!clients.delete(tenant, clientId)) {
            return false;
        }
        tokens.findByClient(tenant, clientId).forEach(t -> tokens.remove(t.idHash()));
        audit.record(AuditType.ADMIN_CHANGE, tenant, null, context, "client deleted: " + clientId);
        return true;
    }

    /** Drops what this node remembers of a client: another node deleted it. */
    public void forget(String tenant, String clientId) {
        verifiedSecrets.remove(key(tenant, clientId));
    }

    private static String key(String tenant, String clientId) {
        return tenant + "/" + clientId;
    }

    /**
     * The client when the secret matches; costs one hash whether or not the client exists. A secret
     * remembered as verified passes on one SHA-256 without the throttle (it proves the secret); any
     * other goes through the authentication step, throttled per client id and address like a password.
     */
    public Optional<ClientApp> authenticate(String tenant, String clientId, String clientSecret, RequestContext context) {
        return switch (authenticateThrottled(tenant, clientId, clientSecret, context)) {
            case AuthOutcome.Accepted<ClientApp> a -> Optional.of(a.who());
            default -> Optional.empty();
        };
    }

    /** As {@link #authenticate}, telling a throttled attempt apart (the door answers it with Retry-After). */
    public AuthOutcome<ClientApp> authenticateThrottled(String tenant, String clientId, String clientSecret,
                                                        RequestContext context) {
        return authenticateThrottled(tenant, clientId, List.of(clientSecret == null ? "" : clientSecret), context);
    }

    /**
     * One authentication attempt for a secret that may have been sent in more than one spelling (RFC
     * 6749 §2.3.1: Basic credentials form-encoded by conforming clients, raw by older ones): the client
     * is accepted when any candidate matches, and a failure counts once against the throttle, however
     * many candidates were tried. Every candidate is hashed whether or not the client exists, so the
     * cost still tells nothing about which clients exist.
     */
    public AuthOutcome<ClientApp> authenticateThrottled(String tenant, String clientId, List<String> secretCandidates,
                                                        RequestContext context) {
        List<String> candidates = secretCandidates.stream()
                .map(s -> s == null || s.length() > 512 ? "" : s).distinct().limit(2).toList();
        String cacheKey = key(tenant, clientId);
        VerifiedSecret verified = verifiedSecrets.get(cacheKey);
        Instant now = clock.instant();
        for (String secret : candidates) {
            if (verified != null && now.isBefore(verified.until())
                    && Secrets.constantTimeEquals(verified.secretDigest(), Secrets.digest(secret))) {
                return new AuthOutcome.Accepted<>(verified.client());
            }
        }
        Attempt attempt = new Attempt(tenant, CredentialKind.CLIENT_SECRET, clientId, context);
        return authentication.authenticate(attempt, tenants.require(tenant).settings().throttle(), () -> {
            Optional<ClientApp> client = clientId == null || clientId.length() > 128
                    ? Optional.empty() : clients.find(tenant, clientId);
            String hash = client.map(ClientApp::secretHash).orElseGet(dummyHash::value);
            String matched = null;
            for (String secret : candidates) {
                if (hasher.matches(secret, hash) && matched == null && !secret.isEmpty()) {
                    matched = secret;
                }
            }
            if (client.isPresent() && matched != null) {
                verifiedSecrets.put(cacheKey, new VerifiedSecret(client.get(), Secrets.digest(matched),
                        now.plus(VERIFIED_SECRET_MEMORY)));
                return Verification.verified(client.get());
            }
            return Verification.rejected(null);
        });
    }

    public TokenResult issueToken(ClientApp client, boolean force, RequestContext context) {
        TenantSettings settings = tenants.require(client.tenant()).settings();
        Instant now = clock.instant();
        String raw = secrets.newSecret();
        AccessToken token = new AccessToken(Secrets.hash(raw), client.tenant(), client.clientId(), now,
                now.plus(settings.tokens().lifetime()));
        Admission<AccessToken> admission = tokens.admit(token, settings.tokens().maxPerClient(), force, now);
        if (!admission.admitted()) {
            audit.record(AuditType.TOKEN_REFUSED, client.tenant(), null, context,
                    "client " + client.clientId() + " at token limit " + settings.tokens().maxPerClient());
            return new TokenResult.AtCap(settings.tokens().maxPerClient());
        }
        admission.evicted().forEach(t -> audit.record(AuditType.TOKEN_EVICTED, t.tenant(), null, context,
                "client " + t.clientId()));
        audit.record(AuditType.TOKEN_ISSUED, client.tenant(), null, context, "client " + client.clientId());
        return new TokenResult.Issued(token, raw, settings.tokens().lifetime());
    }

    /** The live token for a presented bearer value, else empty. */
    public Optional<AccessToken> validate(String accessToken) {
        if (accessToken == null || accessToken.isBlank() || accessToken.length() > 128) {
            return Optional.empty();
        }
        String hash = Secrets.hash(accessToken);
        Optional<AccessToken> token = tokens.find(hash);
        if (token.isPresent() && token.get().isExpiredAt(clock.instant())) {
            tokens.remove(hash);
            return Optional.empty();
        }
        return token;
    }

    public boolean revoke(String accessToken, RequestContext context) {
        if (accessToken == null || accessToken.isBlank() || accessToken.length() > 128) {
            return false;
        }
        Optional<AccessToken> removed = tokens.remove(Secrets.hash(accessToken));
        removed.ifPresent(t -> audit.record(AuditType.TOKEN_REVOKED, t.tenant(), null, context, "client " + t.clientId()));
        return removed.isPresent();
    }

    public int sweep() {
        return tokens.removeExpired(clock.instant()).size();
    }
}
