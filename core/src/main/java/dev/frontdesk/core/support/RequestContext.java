package dev.frontdesk.core.support;

import java.util.Objects;

/**
 * Who asks, from where, through which dialect: what the core needs to know of a request without
 * knowing HTTP. {@code actor} is the admin (or system job) acting on someone else's behalf, else null;
 * {@code device} is the request's device token (see {@link Device}).
 */
public record RequestContext(String channel, String clientIp, String userAgent, String actor, Device device) {
    public RequestContext {
        channel = Objects.requireNonNullElse(channel, "system");
        clientIp = Objects.requireNonNullElse(clientIp, "");
        userAgent = userAgent == null ? "" : userAgent.substring(0, Math.min(userAgent.length(), 256));
        device = Objects.requireNonNullElseGet(device, Device::none);
    }

    public RequestContext(String channel, String clientIp, String userAgent, String actor) {
        this(channel, clientIp, userAgent, actor, Device.none());
    }

    public static RequestContext system(String actor) {
        return new RequestContext("system", "", "", actor);
    }

    public RequestContext withChannel(String value) {
        return new RequestContext(value, clientIp, userAgent, actor, device);
    }
}
