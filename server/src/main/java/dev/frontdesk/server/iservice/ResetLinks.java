package dev.frontdesk.server.iservice;

import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.core.tenant.TenantSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reset links: {@code <resetUrl>?confirm=<code>}. A client may name its own reset page
 * ({@code resetUrl}), but only on an origin the tenant owns: the origin of its
 * {@code passwordResetUrl}, one of its {@code corsAllowedOrigins}, or one of its host names (any port).
 * Anything else would let a stranger have the victim's code mailed inside a link to the stranger's site.
 */
final class ResetLinks {
    private static final int MAX_URL_LENGTH = 2048;

    private ResetLinks() {
    }

    /** An absolute http(s) URL without user info, else empty. */
    static Optional<URI> parse(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    static boolean allowed(String url, Tenant tenant) {
        Optional<URI> parsed = parse(url);
        if (parsed.isEmpty()) {
            return false;
        }
        URI uri = parsed.get();
        String origin = origin(uri);
        TenantSettings settings = tenant.settings();
        if (parse(settings.passwordResetUrl()).map(ResetLinks::origin).filter(origin::equals).isPresent()) {
            return true;
        }
        if (settings.corsAllowedOrigins().stream().anyMatch(p -> originMatches(p, origin))) {
            return true;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return tenant.hosts().contains(host);
    }

    /** The link to mail: the code added as the {@code confirm} query parameter (before any fragment). */
    static String link(String base, String code) {
        String url = base.trim();
        int hash = url.indexOf('#');
        String fragment = hash < 0 ? "" : url.substring(hash);
        String head = hash < 0 ? url : url.substring(0, hash);
        String separator = head.contains("?") ? (head.endsWith("?") || head.endsWith("&") ? "" : "&") : "?";
        return head + separator + "confirm=" + code + fragment;
    }

    static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /** An allowed-origin entry, where {@code *} stands for one host label, against an origin. */
    static boolean originMatches(String pattern, String origin) {
        String p = pattern.trim().toLowerCase(Locale.ROOT);
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (!p.contains("*")) {
            return p.equals(origin);
        }
        String[] parts = p.split("\\*", -1);
        StringBuilder regex = new StringBuilder(Pattern.quote(parts[0]));
        for (int i = 1; i < parts.length; i++) {
            regex.append("[a-z0-9-]+").append(Pattern.quote(parts[i]));
        }
        return Pattern.matches(regex.toString(), origin);
    }
}
