package dev.frontdesk.core.session;

import dev.frontdesk.core.account.AccountType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A live login. The session ID itself is never kept: {@code idHash} is its SHA-256, and {@code ref}
 * is a separate non-secret handle for admin tools. {@code attributes} carry dialect data (SRS place,
 * devices, CSRF token hash); {@code clientId} names the client application whose token came with
 * the login, if any. The attribute {@link #PLACE} is the hot-desking place the session holds: a place
 * is held by the live sessions of one account at a time (see {@link SessionLimits#claimsPlace()}).
 */
public record Session(
        String idHash,
        String ref,
        String tenant,
        String accountId,
        String username,
        AccountType accountType,
        String channel,
        Instant createdAt,
        Instant lastSeenAt,
        Duration idleTimeout,
        Instant absoluteExpiry,
        String clientIp,
        String userAgent,
        String clientId,
        Map<String, String> attributes) implements Expiring {

    public Session {
        Objects.requireNonNull(idHash, "idHash");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(absoluteExpiry, "absoluteExpiry");
        attributes = Map.copyOf(Objects.requireNonNullElse(attributes, Map.of()));
    }

    /** The attribute that names the session's place (an SRS agent's desk). */
    public static final String PLACE = "place";

    /** The place this session holds, or null. */
    public String place() {
        return attributes.get(PLACE);
    }

    @Override
    public String key() {
        return idHash;
    }

    @Override
    public String owner() {
        return accountId;
    }

    /** Writes of use are at most this often: a tenth of the idle timeout, at most 5 s. */
    private static final Duration MAX_TOUCH_INTERVAL = Duration.ofSeconds(5);

    /**
     * When the session ends unless used again: the earlier of idle and absolute expiry. The idle end
     * counts from the last <em>written</em> use plus one {@link #touchInterval()}: a use inside that
     * interval is not written (the hot path stays write-free, on every node), and without the interval
     * such a use would end the session up to 10% before its idle timeout. So the idle end is never
     * early, and at most one touch interval late.
     */
    @Override
    public Instant expiresAt() {
        Instant idleEnd = lastSeenAt.plus(idleTimeout).plus(touchInterval());
        return idleEnd.isBefore(absoluteExpiry) ? idleEnd : absoluteExpiry;
    }

    /** How long a use may go unwritten after the last written one (touches are coalesced to this). */
    public Duration touchInterval() {
        Duration tenth = idleTimeout.dividedBy(10);
        return tenth.compareTo(MAX_TOUCH_INTERVAL) < 0 ? tenth : MAX_TOUCH_INTERVAL;
    }

    public Session touchedAt(Instant when) {
        return new Session(idHash, ref, tenant, accountId, username, accountType, channel, createdAt, when,
                idleTimeout, absoluteExpiry, clientIp, userAgent, clientId, attributes);
    }

    public Session withAttributes(Map<String, String> values) {
        return new Session(idHash, ref, tenant, accountId, username, accountType, channel, createdAt, lastSeenAt,
                idleTimeout, absoluteExpiry, clientIp, userAgent, clientId, values);
    }
}
