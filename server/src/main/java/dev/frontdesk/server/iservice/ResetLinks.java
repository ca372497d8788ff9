package dev.frontdesk.server.iservice;

import dev.frontdesk.server.http.OriginPolicy;
import dev.frontdesk.core.tenant.Tenant;
import dev.frontdesk.core.tenant.TenantSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reset links: {@code <resetUrl>?confirm=<code>}. A client may name its own reset page
 * ({@code resetUrl}), but only on an origin the tenant owns: the origin of its
 * {@code passwordResetUrl}, one of its {@code corsAllowedOrigins}, or one of its host names (any port).
 * Anything else would let a stranger have the victim's code mailed inside a link to the stranger's site.
 * When the tenant's own {@code passwordResetUrl} is https, a client's link must be https too: a plain
 * http link on a tenant host would carry the code in clear past every network on the way.
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
        TenantSettings settings = tenant.settings();
        boolean httpsRequired = parse(settings.passwordResetUrl())
                .filter(u -> u.getScheme().equalsIgnoreCase("https")).isPresent();
        if (httpsRequired && !uri.getScheme().equalsIgnoreCase("https")) {
            return false;
        }
        String origin = OriginPolicy.originOf(uri);
        if (parse(settings.passwordResetUrl()).map(OriginPolicy::originOf).filter(origin::equals).isPresent()) {
            return true;
        }
        if (OriginPolicy.listed(origin, tenant)) {
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
}
