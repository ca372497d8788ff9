package dev.frontdesk.core.session;

import dev.frontdesk.core.support.RequestContext;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to open a session for an already authenticated account.
 *
 * @param force         at the cap, end the oldest session instead of refusing
 * @param idleOverride  an idle timeout the dialect imposes (SRS ping timer), else null
 * @param clientId      the client application whose token came with the login, else null
 * @param yieldingIdHash the session this login replaces (the request's cookie), whose place the new
 *                      one may take; else null
 */
public record SessionRequest(RequestContext context, boolean force, Duration idleOverride, String clientId,
                             Map<String, String> attributes, String yieldingIdHash) {
    public SessionRequest {
        Objects.requireNonNull(context, "context");
        attributes = Map.copyOf(Objects.requireNonNullElse(attributes, Map.of()));
    }

    public SessionRequest(RequestContext context, boolean force, Duration idleOverride, String clientId,
                          Map<String, String> attributes) {
        this(context, force, idleOverride, clientId, attributes, null);
    }

    public static SessionRequest of(RequestContext context, boolean force) {
        return new SessionRequest(context, force, null, null, Map.of());
    }
}
