package dev.frontdesk.server.console;

import dev.frontdesk.core.support.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The admin console's browser sessions, kept in memory only.
 *
 * <p>A session ID is 128 random bits ({@link Secrets#newSecret()}); the map holds only its SHA-256, so a
 * heap dump opens no session. A session ends after {@link #IDLE} without use or {@link #ABSOLUTE} after
 * sign-in, whichever comes first, when signed out, or when the server restarts (the admin signs in
 * again). At most {@link #MAX_SESSIONS} live at once; one more sign-in ends the oldest.
 *
 * <p>The CSRF token is not stored at all: it is an HMAC-SHA256 of the session ID under a key drawn at
 * start-up, so the console can fetch it again after a page reload, it differs per session, and it is
 * worthless without the HttpOnly cookie that carries the ID.
 */
public final class ConsoleSessions {
    static final Duration IDLE = Duration.ofMinutes(15);
    static final Duration ABSOLUTE = Duration.ofHours(8);
    static final int MAX_SESSIONS = 32;

    private final Clock clock;
    private final Secrets secrets;
    private final SecretKeySpec csrfKey;
    private final Map<String, Entry> byHash = new ConcurrentHashMap<>();

    ConsoleSessions(Clock clock, Secrets secrets, SecureRandom random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        byte[] key = new byte[32];
        random.nextBytes(key);
        this.csrfKey = new SecretKeySpec(key, "HmacSHA256");
    }

    /** Whose session, when it was opened and last used. */
    record Entry(String administrator, Instant createdAt, Instant lastSeenAt) {
        Instant expiresAt() {
            Instant idleEnd = lastSeenAt.plus(IDLE);
            Instant absoluteEnd = createdAt.plus(ABSOLUTE);
            return idleEnd.isBefore(absoluteEnd) ? idleEnd : absoluteEnd;
        }

        Instant absoluteExpiry() {
            return createdAt.plus(ABSOLUTE);
        }
    }

    /** A session just opened: the ID goes into the cookie and nowhere else. */
    record Opened(String id, String csrfToken, Entry entry) {
        @Override
        public String toString() {
            return "Opened[entry=" + entry + "]";
        }
    }

    Opened open(String administrator) {
        Instant now = clock.instant();
        byHash.entrySet().removeIf(e -> !now.isBefore(e.getValue().expiresAt()));
        while (byHash.size() >= MAX_SESSIONS) {
            byHash.entrySet().stream().min(Comparator.comparing(e -> e.getValue().createdAt()))
                    .ifPresent(oldest -> byHash.remove(oldest.getKey()));
        }
        String id = secrets.newSecret();
        Entry entry = new Entry(administrator, now, now);
        byHash.put(Secrets.hash(id), entry);
        return new Opened(id, csrfToken(id), entry);
    }

    /** The live session of this ID, without counting as use; an expired one is dropped. */
    Optional<Entry> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        String hash = Secrets.hash(id);
        Entry entry = byHash.get(hash);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            byHash.remove(hash, entry);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    /** Records use of a live session (restarts its idle time). */
    void touch(String id) {
        Instant now = clock.instant();
        byHash.computeIfPresent(Secrets.hash(id), (hash, entry) -> now.isBefore(entry.expiresAt())
                ? new Entry(entry.administrator(), entry.createdAt(), now) : null);
    }

    boolean end(String id) {
        return id != null && !id.isEmpty() && byHash.remove(Secrets.hash(id)) != null;
    }

    int size() {
        return byHash.size();
    }

    String csrfToken(String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(csrfKey);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(id.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        }
    }

    /** Constant-time check of a presented CSRF token against the session's. */
    boolean csrfMatches(String id, String presented) {
        return presented != null && Secrets.constantTimeEquals(csrfToken(id), presented);
    }
}
