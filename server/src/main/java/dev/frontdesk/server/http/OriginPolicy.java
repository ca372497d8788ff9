package dev.frontdesk.server.http;

import com.google.common.net.InternetDomainName;
import dev.frontdesk.core.support.Validation;
import dev.frontdesk.core.tenant.Tenant;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one origin policy: what a tenant's {@code corsAllowedOrigins} means, whether a request's
 * {@code Origin} is this server's own, and the CORS headers of an allowed answer. Every door that
 * checks an origin or answers CORS uses this class, so one setting means one thing everywhere.
 *
 * <p>Grammar of an entry: {@code scheme://host[:port]}, scheme {@code http} or {@code https}. A
 * {@code *} may stand for exactly one DNS label of the host, never the last, and never directly above
 * a public suffix (Public Suffix List, via Guava): {@code https://*.example.com} allows
 * {@code https://desk.example.com} but neither {@code https://example.com} nor
 * {@code https://a.b.example.com}; {@code https://*.co.uk} is refused as a setting. Scheme and port
 * must match (default ports are ignored on both sides). An origin is echoed only after it matched an
 * entry: an arbitrary origin is never reflected, and {@code null} never matches.
 */
public final class OriginPolicy {
    private static final Pattern ORIGIN = Pattern.compile("(https?)://([a-z0-9*.-]+|\\[[0-9a-f:.]+])(?::(\\d{1,5}))?");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private static final int MAX_ORIGIN = 512;

    /** The CORS answer of one path: its real methods and the headers its clients send and read. */
    public record Cors(String allowMethods, String allowHeaders, String exposeHeaders, boolean credentials,
                       long maxAgeSeconds) {
    }

    private final ClientAddresses addresses;

    public OriginPolicy(ClientAddresses addresses) {
        this.addresses = addresses;
    }

    /** Refuses (400) an allowed-origins setting that is not in the grammar above. */
    public static void validate(List<String> entries) {
        for (String entry : entries) {
            Validation.require(entry != null && !entry.isBlank(), "corsAllowedOrigins", "an origin must not be blank");
            Optional<Parsed> parsed = parse(stripTrailingSlash(entry), true);
            Validation.require(parsed.isPresent(), "corsAllowedOrigins",
                    "not an origin (scheme://host[:port], a * for one leading host label): " + bounded(entry));
            Validation.require(!parsed.get().wildcardAbovePublicSuffix(), "corsAllowedOrigins",
                    "a wildcard directly above a public suffix allows unrelated sites: " + bounded(entry));
        }
    }

    /** The request's {@code Origin} header, if any. */
    public static Optional<String> origin(ServerRequest request) {
        return Requests.header(request, HeaderNames.ORIGIN);
    }

    /** {@code scheme://host[:port]} of a URI, default ports left out. */
    public static String originOf(java.net.URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || port == defaultPort(scheme);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /** Whether {@code origin} is one the tenant lists. */
    public static boolean listed(String origin, Tenant tenant) {
        return matchesAny(origin, tenant.settings().corsAllowedOrigins());
    }

    /** Whether {@code origin} matches one of {@code entries} (entries outside the grammar match nothing). */
    public static boolean matchesAny(String origin, List<String> entries) {
        Optional<Parsed> candidate = parse(origin, false);
        if (candidate.isEmpty()) {
            return false;
        }
        for (String entry : entries) {
            Optional<Parsed> pattern = parse(stripTrailingSlash(entry), true);
            if (pattern.isPresent() && pattern.get().matches(candidate.get())) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code origin} is this server's own origin as the request addressed it (TLS behind a trusted proxy counts). */
    public boolean sameOrigin(String origin, ServerRequest request) {
        String authority = request.authority();
        if (authority == null || authority.isBlank()) {
            return false;
        }
        Optional<Parsed> candidate = parse(origin, false);
        Optional<Parsed> self = parse((addresses.viaTls(request) ? "https://" : "http://") + authority.trim(), false);
        return candidate.isPresent() && self.isPresent() && self.get().matches(candidate.get());
    }

    /**
     * Whether a browser request may act here: no {@code Origin} (scripts, servers), this server's own
     * origin, or one the tenant lists.
     */
    public boolean permits(ServerRequest request, Tenant tenant) {
        Optional<String> origin = origin(request);
        return origin.isEmpty() || sameOrigin(origin.get(), request) || listed(origin.get(), tenant);
    }

    /** The request's origin when the tenant lists it (the only case that gets CORS headers). */
    public Optional<String> listedOrigin(ServerRequest request, Tenant tenant) {
        return origin(request).filter(o -> listed(o, tenant));
    }

    /** Headers of an actual (non-preflight) answer to an allowed origin. */
    public static void actual(ServerResponse res, String origin, Cors cors) {
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        if (cors.credentials()) {
            res.header(HeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        }
        if (!cors.exposeHeaders().isEmpty()) {
            res.header(HeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, cors.exposeHeaders());
        }
    }

    /** Headers of a preflight answer to an allowed origin. */
    public static void preflight(ServerResponse res, String origin, Cors cors) {
        actual(res, origin, cors);
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, cors.allowMethods());
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, cors.allowHeaders());
        res.header(HeaderNames.ACCESS_CONTROL_MAX_AGE, String.valueOf(cors.maxAgeSeconds()));
    }

    /** Answers that depend on {@code Origin} say so, so no cache serves one origin's answer to another. */
    public static void vary(ServerResponse res) {
        res.header(HeaderNames.VARY, "Origin");
    }

    private static String bounded(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    private static String stripTrailingSlash(String entry) {
        String trimmed = entry == null ? "" : entry.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static Optional<Parsed> parse(String text, boolean pattern) {
        if (text == null || text.length() > MAX_ORIGIN) {
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

        /** True when the label right after the last {@code *} starts a public suffix ({@code *.co.uk}). */
        boolean wildcardAbovePublicSuffix() {
            for (int i = labels.length - 1; i >= 0; i--) {
                if (labels[i].equals("*")) {
                    String rest = String.join(".", java.util.Arrays.copyOfRange(labels, i + 1, labels.length));
                    return InternetDomainName.isValid(rest) && InternetDomainName.from(rest).isPublicSuffix();
                }
            }
            return false;
        }
    }
}
