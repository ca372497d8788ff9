package dev.frontdesk.core.support;

import java.util.Objects;

/**
 * Who asks, from where, through which dialect: what the core needs to know of a request without
 * knowing HTTP. {@code actor} is the admin (or system job) acting on someone else's behalf, else null.
 */
public record RequestContext(String channel, String clientIp, String userAgent, String actor) {
    public RequestContext {
        channel = Objects.requireNonNullElse(channel, "system");
        clientIp = Objects.requireNonNullElse(clientIp, "");
        userAgent = userAgent == null ? "" : userAgent.substring(0, Math.min(userAgent.length(), 256));
    }

    public static RequestContext system(String actor) {
        return new RequestContext("system", "", "", actor);
    }

    public RequestContext withChannel(String value) {
        return new RequestContext(value, clientIp, userAgent, actor);
    }
}
