package dev.frontdesk.server.http;

import dev.frontdesk.core.support.Device;
import dev.frontdesk.core.throttle.FailureThrottle;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The one builder of session cookies, for every door that keeps a session in a cookie.
 *
 * <p>Always {@code HttpOnly; Path=/} and never a {@code Domain}. Under TLS (decided by
 * {@link ClientAddresses#viaTls}, so TLS ended at a trusted proxy counts) a cookie is {@code Secure},
 * and a name that may take the {@code __Host-} prefix takes it: browsers then refuse it from a sibling
 * subdomain or over plain HTTP. Each name is read only on the kind of connection it is set on. Dates
 * are RFC 9110 IMF-fixdate.
 *
 * <p>Device tokens ride along: the request's {@link Device} (presented {@link #DEVICE} cookie) is
 * registered once per request, and when the core issued a token during a successful login, setting
 * the session cookie also sets the long-lived device cookie. So every door that keeps a session in a
 * cookie gives its users the throttle's trusted-device exemption without a line of its own.
 *
 * @see Spec
 */
public final class SessionCookies {
    /** SameSite as the cookie attribute names it. */
    public enum SameSite {
        STRICT("Strict"), LAX("Lax"), NONE("None");

        private final String text;

        SameSite(String text) {
            this.text = text;
        }
    }

    /**
     * One cookie's rules.
     *
     * @param hostPrefix  whether the name takes {@code __Host-} under TLS (not for names clients expect verbatim)
     * @param sameSiteTls SameSite under TLS ({@code NONE} needs Secure, so it is only ever used there)
     * @param maxAge      lifetime, or null for a browser-session cookie
     */
    public record Spec(String name, boolean hostPrefix, SameSite sameSite, SameSite sameSiteTls, Duration maxAge) {
        public Spec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sameSite, "sameSite");
            Objects.requireNonNull(sameSiteTls, "sameSiteTls");
            if (sameSite == SameSite.NONE) {
                throw new IllegalArgumentException("SameSite=None needs Secure: use it for sameSiteTls only");
            }
        }

        public static Spec of(String name, SameSite sameSite) {
            return new Spec(name, true, sameSite, sameSite, null);
        }

        public Spec withMaxAge(Duration value) {
            return new Spec(name, hostPrefix, sameSite, sameSiteTls, value);
        }
    }

    private static final int MAX_VALUE = 256;

    /** The device cookie: HttpOnly, 180 days, SameSite=None under TLS so cross-site desktops keep it. */
    public static final Spec DEVICE = new Spec("frontdesk-device", true, SameSite.LAX, SameSite.NONE,
            FailureThrottle.DEVICE_MEMORY);

    private final ClientAddresses addresses;

    public SessionCookies(ClientAddresses addresses) {
        this.addresses = addresses;
    }

    public String name(ServerRequest request, Spec spec) {
        return name(spec, addresses.viaTls(request));
    }

    /** The cookie's name on a connection that is ({@code tls}) or is not over TLS. */
    public static String name(Spec spec, boolean tls) {
        return spec.hostPrefix() && tls ? "__Host-" + spec.name() : spec.name();
    }

    public Optional<String> read(ServerRequest request, Spec spec) {
        try {
            return request.headers().cookies().first(name(request, spec)).asOptional()
                    .map(String::trim).filter(v -> !v.isEmpty() && v.length() <= MAX_VALUE);
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    public void set(ServerRequest request, ServerResponse response, Spec spec, String value) {
        write(request, response, spec, value, spec.maxAge() == null ? null : spec.maxAge().toSeconds(), null);
        request.context().get(Device.class, Device.class).flatMap(Device::issued).ifPresent(token ->
                write(request, response, DEVICE, token, DEVICE.maxAge().toSeconds(), null));
    }

    /** The request's device (its presented device cookie), the same instance for the whole request. */
    public Device device(ServerRequest request) {
        Optional<Device> known = request.context().get(Device.class, Device.class);
        if (known.isPresent()) {
            return known.get();
        }
        Device device = Device.presenting(read(request, DEVICE).orElse(null));
        request.context().register(Device.class, device);
        return device;
    }

    public void clear(ServerRequest request, ServerResponse response, Spec spec) {
        write(request, response, spec, "", 0L, Instant.EPOCH);
    }

    private void write(ServerRequest request, ServerResponse response, Spec spec, String value, Long maxAgeSeconds,
                       Instant expires) {
        boolean tls = addresses.viaTls(request);
        StringBuilder cookie = new StringBuilder(name(request, spec)).append('=').append(value);
        if (maxAgeSeconds != null) {
            cookie.append("; Max-Age=").append(maxAgeSeconds);
        }
        if (expires != null) {
            cookie.append("; Expires=").append(HttpDates.format(expires));
        }
        cookie.append("; Path=/");
        if (tls) {
            cookie.append("; Secure");
        }
        cookie.append("; HttpOnly; SameSite=").append((tls ? spec.sameSiteTls() : spec.sameSite()).text);
        response.headers().add(HeaderNames.SET_COOKIE, cookie.toString());
    }
}
