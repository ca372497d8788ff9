package dev.frontdesk.core.credential;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Hashes with the current Argon2id parameters, and also verifies hashes imported from older systems:
 * {@code {bcrypt}$2a$...}, {@code {pbkdf2-sha256}<iterations>$<salt base64>$<hash base64>} and
 * {@code {argon2id}$argon2id$...}. Every imported form reports {@link #needsRehash}, so the
 * {@code LoginService} replaces it with a current Argon2id hash at the account's next login.
 */
public final class LegacyAwareHasher implements PasswordHasher {
    private static final String BCRYPT = "{bcrypt}";
    private static final String PBKDF2 = "{pbkdf2-sha256}";
    private static final String ARGON2 = "{argon2id}";

    private final PasswordHasher current;

    public LegacyAwareHasher(PasswordHasher current) {
        this.current = current;
    }

    @Override
    public String hash(CharSequence password) {
        return current.hash(password);
    }

    @Override
    public String unmatchableHash() {
        return current.unmatchableHash();
    }

    @Override
    public boolean matches(CharSequence password, String encodedHash) {
        if (encodedHash == null) {
            return current.matches(password, null);
        }
        if (encodedHash.startsWith(BCRYPT)) {
            return bcryptMatches(password.toString(), encodedHash.substring(BCRYPT.length()));
        }
        if (encodedHash.startsWith(PBKDF2)) {
            return pbkdf2Matches(password.toString(), encodedHash.substring(PBKDF2.length()));
        }
        if (encodedHash.startsWith(ARGON2)) {
            return current.matches(password, encodedHash.substring(ARGON2.length()));
        }
        return current.matches(password, encodedHash);
    }

    @Override
    public boolean needsRehash(String encodedHash) {
        return encodedHash == null || encodedHash.startsWith("{") || current.needsRehash(encodedHash);
    }

    @Override
    public boolean recognizes(String encodedHash) {
        if (encodedHash == null) {
            return false;
        }
        if (encodedHash.startsWith(BCRYPT)) {
            return encodedHash.substring(BCRYPT.length()).matches("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");
        }
        if (encodedHash.startsWith(PBKDF2)) {
            return parsePbkdf2(encodedHash.substring(PBKDF2.length())) != null;
        }
        if (encodedHash.startsWith(ARGON2)) {
            return encodedHash.substring(ARGON2.length()).startsWith("$argon2id$");
        }
        return current.recognizes(encodedHash);
    }

    private static boolean bcryptMatches(String password, String hash) {
        try {
            return BCrypt.checkpw(password, hash);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private record Pbkdf2(int iterations, byte[] salt, byte[] hash) {
    }

    private static Pbkdf2 parsePbkdf2(String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length != 3) {
            return null;
        }
        try {
            int iterations = Integer.parseInt(parts[0]);
            byte[] salt = Base64.getDecoder().decode(parts[1]);
            byte[] hash = Base64.getDecoder().decode(parts[2]);
            if (iterations < 1000 || iterations > 10_000_000 || salt.length < 8 || hash.length < 16) {
                return null;
            }
            return new Pbkdf2(iterations, salt, hash);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean pbkdf2Matches(String password, String encoded) {
        Pbkdf2 parsed = parsePbkdf2(encoded);
        if (parsed == null) {
            return false;
        }
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), parsed.salt(), parsed.iterations(),
                    parsed.hash().length * 8);
            byte[] computed = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return MessageDigest.isEqual(computed, parsed.hash());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
