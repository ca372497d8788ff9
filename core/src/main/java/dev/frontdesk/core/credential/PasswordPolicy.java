package dev.frontdesk.core.credential;

import dev.frontdesk.core.support.Validation;
import dev.frontdesk.core.tenant.PasswordPolicySettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * NIST SP 800-63B / ASVS rules for new passwords: a minimum length, a byte ceiling (so a huge password
 * cannot burn CPU in the hash), any Unicode (NFKC-normalised before hashing, so the same password
 * typed on two keyboards matches), no composition rules, and no password from the common list.
 */
public final class PasswordPolicy {
    private static final Set<String> COMMON = loadCommonPasswords();

    private PasswordPolicy() {
    }

    /** The form that is hashed and compared. */
    public static String normalize(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /** True when the password may even be hashed (at login: longer ones fail without hashing). */
    public static boolean withinByteLimit(String password, PasswordPolicySettings settings) {
        return password.getBytes(StandardCharsets.UTF_8).length <= settings.maxBytes();
    }

    /** @throws Validation naming {@code field} when the password breaks the policy */
    public static void check(String password, PasswordPolicySettings settings, String field) {
        check(password, settings, field, null);
    }

    /**
     * As {@link #check(String, PasswordPolicySettings, String)}, and also refuses a password equal to
     * or containing the user name (case-insensitively).
     */
    public static void check(String password, PasswordPolicySettings settings, String field, String username) {
        Validation.require(password != null && !password.isEmpty(), field, "password is required");
        Validation.require(withinByteLimit(password, settings), field,
                "password is longer than " + settings.maxBytes() + " bytes");
        String normalized = normalize(password);
        Validation.require(normalized.codePointCount(0, normalized.length()) >= settings.minLength(), field,
                "password must be at least " + settings.minLength() + " characters long");
        Validation.require(!settings.rejectCommon() || !isCommon(normalized), field,
                "password is too common: choose another");
        if (settings.rejectUsername() && username != null && username.trim().length() >= 3) {
            String lowerName = normalize(username.trim()).toLowerCase(Locale.ROOT);
            Validation.require(!normalized.toLowerCase(Locale.ROOT).contains(lowerName), field,
                    "password must not contain the user name");
        }
    }

    public static boolean isCommon(String password) {
        return COMMON.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> loadCommonPasswords() {
        InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt");
        if (in == null) {
            return Set.of();
        }
        Set<String> words = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> words.add(l.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
