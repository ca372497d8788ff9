package dev.frontdesk.core.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Bearer secrets (session IDs, access tokens, reset codes, OpenID GUIDs) and their storage form.
 *
 * <p>A secret is 128 random bits from {@link SecureRandom}, shown GUID-style (8-4-4-4-12 hex) because
 * every vendor API we speak uses that shape. Only {@link #hash(String)} of it is ever stored: a
 * 128-bit random value cannot be brute-forced, so a fast unsalted SHA-256 is enough and keeps the
 * validation hot path to one hash.
 */
public final class Secrets {
    private static final HexFormat HEX = HexFormat.of();
    private static final MessageDigest SHA_256 = sha256Prototype();
    private final SecureRandom random;

    public Secrets(SecureRandom random) {
        this.random = java.util.Objects.requireNonNull(random, "random");
    }

    public static Secrets strong() {
        return new Secrets(new SecureRandom());
    }

    /** A fresh 128-bit secret in 8-4-4-4-12 lower-case hex. */
    public String newSecret() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String hex = HEX.formatHex(bytes);
        return hex.substring(0, 8) + '-' + hex.substring(8, 12) + '-' + hex.substring(12, 16) + '-'
                + hex.substring(16, 20) + '-' + hex.substring(20);
    }

    /** The storage form of a secret: lower-case hex SHA-256 of its lower-cased text. */
    public static String hash(String secret) {
        return HEX.formatHex(sha256(secret.trim().toLowerCase(Locale.ROOT)));
    }

    /** Lower-case hex SHA-256 of the exact text (for values whose case matters). */
    public static String digest(String text) {
        return HEX.formatHex(sha256(text));
    }

    public static byte[] sha256(String text) {
        return newSha256().digest(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of a prototype digest: cheaper than a provider lookup on every validation. */
    private static MessageDigest newSha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException("SHA-256 is required by every JDK", impossible);
            }
        }
    }

    private static MessageDigest sha256Prototype() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    /** Constant-time comparison of two strings (for CSRF tokens and the like). */
    public static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
