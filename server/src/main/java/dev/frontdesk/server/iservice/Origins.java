package dev.frontdesk.server.iservice;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** Web origins ({@code scheme://host[:port]}) and the tenant's allowed-origin patterns. */
final class Origins {
    private Origins() {
    }

    static String of(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /** An allowed-origin entry, where {@code *} stands for one host label, against an origin. */
    static boolean matches(String pattern, String origin) {
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
