package dev.frontdesk.server.genesys;

import dev.frontdesk.server.http.Requests;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CORS for the SRS endpoints, against the tenant's {@code corsAllowedOrigins}.
 *
 * <p>An entry is {@code scheme://host[:port]}; a {@code *} may stand for exactly one DNS label of the
 * host (not the last one), so {@code https://*.example.com} allows {@code https://desk.example.com} but
 * neither {@code https://example.com} nor {@code https://a.b.example.com}. Scheme and port must match
 * (default ports are ignored on both sides). The request's own {@code Origin} value is echoed only
 * after it matched an entry: an arbitrary origin is never reflected, and {@code null} never matches.
 */
final class SrsCors {
    static final String ALLOW_METHODS = "GET,POST,OPTIONS";
    static final String ALLOW_HEADERS = "Authorization, Content-Type, X-Support-CSRFP, X-CSRF-Token, Cookie";
    static final String EXPOSE_HEADERS = "X-CSRF-HEADER, X-CSRF-TOKEN";
    static final long MAX_AGE_SECONDS = 120;

    private static final Pattern ORIGIN = Pattern.compile("(https?)://([a-z0-9*.-]+|\\[[0-9a-f:.]+])(?::(\\d{1,5}))?");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

    private SrsCors() {
    }

    /** The request's {@code Origin} header, if any. */
    static Optional<String> origin(ServerRequest req) {
        return Requests.header(req, HeaderNames.ORIGIN);
    }

    /** Whether {@code origin} is one the tenant lists. */
    static boolean allowed(String origin, List<String> allowedOrigins) {
        Optional<Parsed> candidate = parse(origin, false);
        if (candidate.isEmpty()) {
            return false;
        }
        for (String entry : allowedOrigins) {
            Optional<Parsed> pattern = parse(stripTrailingSlash(entry), true);
            if (pattern.isPresent() && pattern.get().matches(candidate.get())) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code origin} is this server's own origin as the request addressed it (same-origin page). */
    static boolean sameOrigin(String origin, ServerRequest req) {
        String authority = req.authority();
        if (authority == null || authority.isBlank()) {
            return false;
        }
        Optional<Parsed> candidate = parse(origin, false);
        Optional<Parsed> self = parse((req.isSecure() ? "https://" : "http://") + authority.trim(), false);
        return candidate.isPresent() && self.isPresent() && self.get().matches(candidate.get());
    }

    /** Headers of an actual (non-preflight) answer to an allowed origin. */
    static void actual(ServerResponse res, String origin) {
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        res.header(HeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSE_HEADERS);
    }

    /** Headers of a preflight answer to an allowed origin. */
    static void preflight(ServerResponse res, String origin) {
        actual(res, origin);
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, ALLOW_METHODS);
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, ALLOW_HEADERS);
        res.header(HeaderNames.ACCESS_CONTROL_MAX_AGE, String.valueOf(MAX_AGE_SECONDS));
    }

    static void vary(ServerResponse res) {
        res.header(HeaderNames.VARY, "Origin");
    }

    private static String stripTrailingSlash(String entry) {
        String trimmed = entry == null ? "" : entry.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static Optional<Parsed> parse(String text, boolean pattern) {
        if (text == null || text.length() > 512) {
            return Optional.empty();
        }
        Matcher m = ORIGIN.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        String scheme = m.group(1);
        String host = m.group(2);
        int port = m.group(3) == null ? defaultPort(scheme) : Integer.parseInt(m.group(3));
        if (port < 1 || port > 65535) {
            return Optional.empty();
        }
        if (host.startsWith("[")) {
            return Optional.of(new Parsed(scheme, new String[] {host}, port));
        }
        String[] labels = host.split("\\.", -1);
        for (int i = 0; i < labels.length; i++) {
            boolean wildcard = labels[i].equals("*");
            boolean lastLabel = i == labels.length - 1;
            if (wildcard ? !pattern || lastLabel : !LABEL.matcher(labels[i]).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(new Parsed(scheme, labels, port));
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    private record Parsed(String scheme, String[] labels, int port) {
        boolean matches(Parsed origin) {
            if (!scheme.equals(origin.scheme) || port != origin.port || labels.length != origin.labels.length) {
                return false;
            }
            for (int i = 0; i < labels.length; i++) {
                if (!labels[i].equals("*") && !labels[i].equals(origin.labels[i])) {
                    return false;
                }
            }
            return true;
        }
    }
}
