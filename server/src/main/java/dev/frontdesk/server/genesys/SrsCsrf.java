package dev.frontdesk.server.genesys;

import dev.frontdesk.core.session.Session;
import dev.frontdesk.core.support.Secrets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The CSRF token of a session opened with {@code X-Support-CSRFP: True}.
 *
 * <p>The token is a fresh 128-bit secret from the core (UUID-shaped). The session keeps two values, both
 * under keys ending in {@code Hash} so the admin API never shows them:
 * <ul>
 *   <li>{@value #HASH_KEY}: SHA-256 of the token, what a presented {@code X-CSRF-Token} is compared with
 *       (constant time, hash against hash);</li>
 *   <li>{@value #SEAL_KEY}: the token's 16 bytes XOR-ed with SHA-256 of a label and the session ID. Every
 *       GET answer on the session must repeat the token, and only the client holds the session ID (the
 *       store has just its plain SHA-256, a different digest), so a copy of the store reveals neither the
 *       token nor a way to derive it.</li>
 * </ul>
 */
final class SrsCsrf {
    static final String HASH_KEY = "csrfTokenHash";
    static final String SEAL_KEY = "csrfSealHash";
    static final String HEADER_NAME = "X-CSRF-Token";
    private static final HexFormat HEX = HexFormat.of();

    private SrsCsrf() {
    }

    /** A fresh token and the session attributes that record it for {@code sessionId}. */
    record Issued(String token, Map<String, String> attributes) {
    }

    static Issued issue(Secrets secrets, String sessionId) {
        String token = secrets.newSecret();
        return new Issued(token, Map.of(HASH_KEY, Secrets.digest(token), SEAL_KEY, seal(token, sessionId)));
    }

    static boolean protects(Session session) {
        return session.attributes().containsKey(HASH_KEY);
    }

    /** Whether the presented header value is the session's token. */
    static boolean verify(Session session, String presented) {
        String expected = session.attributes().get(HASH_KEY);
        if (expected == null || presented == null || presented.length() > 128) {
            return false;
        }
        return Secrets.constantTimeEquals(Secrets.digest(presented.trim()), expected);
    }

    /** The session's token, recovered with the session ID the client presented. */
    static Optional<String> tokenOf(Session session, String sessionId) {
        String sealed = session.attributes().get(SEAL_KEY);
        String expected = session.attributes().get(HASH_KEY);
        if (sealed == null || expected == null) {
            return Optional.empty();
        }
        try {
            String token = format(xor(HEX.parseHex(sealed), key(sessionId)));
            return Secrets.constantTimeEquals(Secrets.digest(token), expected) ? Optional.of(token) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String seal(String token, String sessionId) {
        return HEX.formatHex(xor(HEX.parseHex(token.replace("-", "")), key(sessionId)));
    }

    private static byte[] key(String sessionId) {
        return Secrets.sha256("frontdesk-srs-csrf-seal:" + sessionId.trim().toLowerCase(Locale.ROOT));
    }

    private static byte[] xor(byte[] value, byte[] key) {
        byte[] out = new byte[value.length];
        for (int i = 0; i < value.length; i++) {
            out[i] = (byte) (value[i] ^ key[i]);
        }
        return out;
    }

    private static String format(byte[] bytes) {
        if (bytes.length != 16) {
            throw new IllegalArgumentException("sealed token has the wrong length");
        }
        String hex = HEX.formatHex(bytes);
        return hex.substring(0, 8) + '-' + hex.substring(8, 12) + '-' + hex.substring(12, 16) + '-'
                + hex.substring(16, 20) + '-' + hex.substring(20);
    }
}
